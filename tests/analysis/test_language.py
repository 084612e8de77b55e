import pytest

from noai.analysis.language import detect_language

SAMPLES = {
    "en": "The Contractor hereby assigns to the Client all right, title and interest in the Deliverables, "
    "and shall not use them for any other purpose without the prior written consent of the Client.",
    "de": "Der Auftragnehmer überträgt dem Auftraggeber alle Rechte an den Arbeitsergebnissen, die im Rahmen "
    "dieses Vertrages entstehen, und ist nicht berechtigt, diese für eigene Zwecke zu nutzen.",
    "fr": "Le prestataire cède au client l'ensemble des droits sur les livrables pour la durée légale de "
    "protection et ne peut pas les utiliser dans un autre but sans son accord écrit.",
    "es": "El proveedor cede al cliente todos los derechos sobre los entregables y no podrá utilizarlos para "
    "ningún otro fin sin el consentimiento previo por escrito del cliente, según este contrato.",
    "it": "Il fornitore cede al cliente tutti i diritti sui prodotti della prestazione e non può utilizzarli "
    "per altri scopi senza il consenso scritto del cliente, come previsto dal presente contratto.",
    "nl": "De opdrachtnemer draagt alle rechten op de resultaten over aan de opdrachtgever en mag deze niet "
    "voor andere doeleinden gebruiken zonder voorafgaande schriftelijke toestemming van de opdrachtgever.",
    "pt": "O prestador cede ao cliente todos os direitos sobre os entregáveis e não pode utilizá-los para "
    "outros fins sem o consentimento prévio por escrito do cliente, nos termos deste contrato.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_contract_paragraph_is_recognised_in_its_language(language):
    assert detect_language([SAMPLES[language]]) == language


def test_text_split_over_many_paragraphs_is_read_as_one():
    words = SAMPLES["de"].split()
    assert detect_language(words) == "de"


def test_too_little_text_is_unknown():
    assert detect_language(["Exhibit A", "", "1."]) == "unknown"
    assert detect_language([]) == "unknown"


def test_a_mix_without_a_clear_majority_is_unknown():
    assert detect_language([SAMPLES["en"][:120], SAMPLES["fr"][:130]]) == "unknown"


def test_an_english_contract_with_a_foreign_quotation_stays_english():
    assert detect_language([SAMPLES["en"] * 3, "« le client »"]) == "en"

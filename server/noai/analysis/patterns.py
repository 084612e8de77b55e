"""Signal phrases of the clause kinds, as compiled regular expressions (DOMAIN.md §2.3).

Data only: :mod:`noai.analysis.classify` decides what a match means. Each kind has body
signals (searched in a paragraph's current text), heading signals (searched in its section
titles and run-in title) and traps: phrases that look like a signal but are not one. The
literals each pattern needs (:data:`NEEDS`) and the gate words (:data:`GATES`) are the data of
the prefilter; its code is :mod:`noai.analysis.fast`.
"""

from __future__ import annotations

import re

from noai.kinds import gate_words

_I = re.IGNORECASE


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# -- shared vocabulary --------------------------------------------------------------------

RIGHTS_CONTEXT = _rx(
    r"\b(?:licen[cs]\w*|grant\w*|assign\w*|rights?|use|exploit\w*|ownership|owns?|"
    r"reproduce|distribute|title)\b"
)
NEGATION = _rx(
    r"\b(?:shall\s+not|will\s+not|may\s+not|must\s+not|cannot|can\s*not|is\s+not|are\s+not|"
    r"not\s+to|does\s+not|do\s+not|no\s+right|nor|neither|never|prohibited|prohibits|forbidden|without\s+the\s+"
    r"(?:prior\s+)?(?:express\s+)?(?:written\s+)?(?:consent|permission|approval)|"
    r"except\s+(?:as|with)|other\s+than|refrain)\b"
)
OPEN_QUOTES, CLOSE_QUOTES = "\"“‘'", "\"”’'"
# (also before a clause number that opens the next clause of a run-on paragraph: ". 2.5 In the case of …")
SENTENCE_BREAK = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z(\"“]|\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]|\d{1,2}\.\s+[A-Z])")

# -- ownership ----------------------------------------------------------------------------

ASSIGNMENT = _rx(
    r"\b(?:(?:hereby\s+)?does,?\s+(?:hereby\s+)?(?:irrevocably\s+)?assign|"
    r"(?:under\s+an?\s+obligation|obligated|bound)\s+to\s+(?:automatically\s+|promptly\s+)?assign|"
    r"hereby\s+(?:irrevocably\s+|unconditionally\s+|absolutely\s+|and\s+|agrees\s+to\s+)*"
    # "shall, upon payment in full of the fees, assign": a condition between the modal and the verb
    r"(?:assigns?|transfers?|conveys?)|(?:shall|will|agrees?\s+to|must)(?:,[^,;.]{3,120},)?\s+(?:promptly\s+)?"
    r"(?:irrevocably\s+)?(?:assign|transfer|convey)|(?:irrevocably|absolutely)\s+assigns?|assigns?\s+and\s+transfers?|transfers?\s+and\s+assigns?|"
    r"all\s+(?:of\s+(?:its|their|his|her|the)\s+)?(?:worldwide\s+)?right,?\s+title,?\s+and\s+interest|"
    r"(?:sole\s+and\s+exclusive|exclusive|sole)\s+property\s+of|vests?\s+(?:solely\s+|absolutely\s+|exclusively\s+|wholly\s+)?in|"
    r"shall\s+vest|"
    # the bare present, the owner a party named after it: "Everything the Contractor creates belongs to the Client"
    r"\bbelongs?\s+(?:solely\s+|exclusively\s+|absolutely\s+|wholly\s+)?to\b|"
    # the owner named in the possessive: "are the Client's property", "will be Client's exclusive property"
    r"\b(?:is|are|be|become|becomes)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?(?:'s|’s)\s+(?:sole\s+(?:and\s+"
    r"exclusive\s+)?|exclusive\s+|absolute\s+)?property\b|"
    # the owner as the subject, its ownership qualified: "Client is the sole owner of" (a bare "is the owner of" is
    # a warranty of title)
    r"\b(?:is|are)\s+(?:and\s+(?:shall|will)\s+(?:be|remain)\s+)?the\s+(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+|"
    r"absolute\s+)owner(?=\s+of\b)|"
    r"(?:shall|will)\s+(?:solely\s+and\s+)?(?:exclusively\s+)?(?:own|be\s+owned\s+by|belong\s+to)|"
    r"\bowns?\s+(?:all|exclusively|everything|the\s+(?:entire\s+)?(?:copyright|rights?|title|intellectual\s+property))|"
    r"\bowns\s+(?:the\s+)?(?-i:[A-Z][\w-]+)|"
    r"(?:'|’)ll\s+own\b|(?:is|are|be|become)\s+(?:solely\s+|exclusively\s+)?owned\s+(?:solely\s+|exclusively\s+|wholly\s+)?by|"
    # informal and contracted: "we'll transfer the copyright to you", "it'll be yours", "the video is yours"
    r"(?:'|’)ll\s+(?:promptly\s+|then\s+|also\s+)?(?:assign|transfer|convey)\b|"
    r"\b(?:is|are|be|becomes?)\s+(?:all\s+|entirely\s+|wholly\s+)?yours\b|"
    r"(?:be|is|are|become)\s+(?:solely\s+|absolutely\s+|fully\s+|wholly\s+)?vested\s+(?:solely\s+|absolutely\s+)?in|"
    r"\b(?:be|is|are|become)\s+(?:deemed\s+(?:to\s+be\s+)?|considered\s+(?:to\s+be\s+)?)?the\s+(?:sole\s+(?:and\s+"
    r"exclusive\s+)?|exclusive\s+|absolute\s+)?property\s+of|"
    # "shall be the sole and exclusive owner of" (the owner is the subject; not "is the owner of", a warranty),
    # "shall become our property", "shall sell and transfer to X"
    r"\b(?:(?:shall|will)\s+be|become|becomes),?\s+the\s+(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+|absolute\s+)?"
    r"owner(?=\s+of\b)|"
    r"\b(?:be|become|becomes)\s+(?:our|your|its|their)\s+(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)?property\b|"
    r"\b(?:shall|will|hereby)\s+(?:sell|sells)\s+and\s+(?:transfers?|assigns?|conveys?)\b|"
    r"(?:retains?|keeps?)\s+(?:full\s+|sole\s+|all\s+)?(?:ownership|title\s+to|the\s+copyright)|"
    # the ownership named as a noun that passes: "title to the Deliverables shall pass to", "ownership of the Work
    # Product transfers to", "legal and beneficial ownership of … passes to", "property in the copyright vests in"
    r"\b(?:title\s+(?:to|in)|(?:(?:legal\s+and\s+beneficial|full|sole|exclusive)\s+)?ownership\s+(?:of|in)|"
    r"property\s+in)\s+(?:the\s+|all\s+|any\s+)?(?!goods|equipment|hardware|products?\b)(?=[^.;]{0,100}?\b(?:(?:shall|"
    r"will)\s+(?:automatically\s+|immediately\s+)?(?:pass|transfer|vest)|pass(?:es)?|transfers|vests)\s+(?:to|in)\b)|"
    # passive: "all copyright in the Works is hereby conveyed to X", "shall be transferred to X"
    r"\b(?:is|are|be)\s+(?:hereby\s+)?(?:irrevocably\s+|absolutely\s+|automatically\s+)?(?:assigned|transferred|"
    r"conveyed)\s+(?=(?:to|unto)\b)|"
    # nominal: "shall procure the assignment to X of all rights in …"
    r"\bassignment\s+(?=to\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+of\b)|"
    r"retains?\s+no\s+rights?|(?:assigns|transfers)(?=[^.;]{0,200}\b(?:title|rights?|"
    r"interest|copyright|intellectual\s+property)\b))"
)
# "may not assign this Agreement", "assign personnel": the agreement or people, not the work; "If this
# Agreement assigns or transfers rights …, the Client shall not …": a condition, not an assignment;
# "binds its successors and assigns": the noun.
ASSIGNMENT_TRAP = _rx(
    r"assign\w*\s+(?:or\s+(?:otherwise\s+)?transfer\w*\s+|or\s+delegate\s+)?(?:this|the)\s+(?:Agreement|Contract|"
    r"Order|SOW|Terms|License|Licence)|assign\w*\s+(?:or\s+\w+\s+)?(?:any\s+of\s+)?(?:its|their|his|her|your)\s+rights\s+"
    r"(?:and|or)\s+(?:its\s+)?obligations|assign\w*\s+(?:any\s+)?(?:\w+\s+){0,2}(?:tasks|receivables)\b|"
    r"assignment\s+of\s+(?:this|the)\s+(?:Agreement|Contract)|"
    r"(?:this|the)\s+Agreement\s+(?:may|shall)\s+(?:not\s+)?be\s+assigned|"
    r"\bif\s+(?:this\s+|the\s+)?(?:[A-Z][\w-]*\s+){1,4}assigns\s+or\s+transfers\b|"
    r"\bsuccessors\s+(?:and|or)\s+(?:permitted\s+)?assigns\b|"
    # the noun in a list of persons, a condition on assigning the agreement, duties handed over
    r"\b(?:permitted|respective|predecessors,?|heirs,?)\s+(?:and\s+)?assigns\b|\bassigns,\s+successors\b|"
    r"\b(?:in\s+the\s+event|if|should)\s+(?:that\s+)?(?:such\s+|the\s+|either\s+|a\s+)?\w+\s+assigns\b|"
    r"\b(?:assign|transfer)\w*\s+(?:to\s+\w+\s+)?(?:its\s+|their\s+|such\s+|all\s+)?(?:responsibilit\w+|obligations|"
    r"duties|manufacturing|operations)\b|"
    r"\b(?:which|that|who)\s+(?:is|are)\s+(?:\w+\s+)?(?:owned\s+by|(?:the\s+)?property\s+of)|"
    # a party's capacity to grant, or its acknowledgement of what another already owns: no transfer
    r"\b(?:right|power|authority)\s+(?:and\s+authority\s+)?to\s+(?:\([a-z]\)\s+)?(?:grant|assign|convey)\b|"
    r"(?:'s|’s|s'|s’)\s+(?:sole\s+|exclusive\s+|and\s+)*ownership\s+of\b|"
    # standing handed over, not ownership: "grants and assigns to the Publisher the right to enforce the copyright"
    r"\bassign\w*\s+(?:to\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+)?the\s+(?:sole\s+|exclusive\s+)?right\s+to\s+(?:enforce|sue|bring|"
    r"institute|commence|take\s+(?:legal\s+)?action)\b"
)
# "assign" with a person as its object is staffing, not a transfer: "will assign only qualified linguists to the
# Services", "shall assign a dedicated account manager", "assign its personnel". Matched from the verb itself (not
# within a window of it), so "assigns qualified staff to the project and hereby assigns all rights …" still transfers.
STAFFING = _rx(
    r"assign(?:s|ed|ing)?\s+(?:(?!(?:to|all|of|rights?|title|interest|copyrights?|ownership|intellectual|deliverables?|works?|"
    r"inventions?|materials|content)\b)[\w-]+,?\s+){0,4}?"
    r"(?:personnel|staff|employees?|resources|individuals|workers|people|persons?|teams?|members?|"
    r"linguists?|translators?|interpreters?|reviewers?|proofreaders?|editors?|writers?|copywriters?|designers?|"
    r"developers?|engineers?|programmers?|consultants?|specialists?|professionals?|experts?|analysts?|"
    r"technicians?|architects?|trainers?|instructors?|subcontractors?|freelancers?|"
    r"managers?|supervisors?|coordinators?|representatives?|leads?|leaders?)\b(?![\'’])"
)
# Results owned together: no party's work passes to the other ("jointly own", "an undivided interest").
JOINT = _rx(
    r"\bjointly\s+(?:and\s+equally\s+)?(?:own|owned|hold|held)\b|\b(?:joint|equal)(?:,?\s+(?:and\s+)?(?:equal|joint))?\s+"
    r"(?:and\s+)?undivided\b|\bundivided\s+(?:\w+\s+)?(?:interest|share)|\bin\s+common\s+and\s+undivided\b|\bco-?own"
)
# What a transfer must be about to be IP or work product (not a franchise, shares, a contract, goods): the
# work, its rights, marks, inventions, data and results, software, regulatory dossiers built under the contract.
IP_EVIDENCE = _rx(
    r"\b(?:software|deliverables?|work\s+product|works?|designs?|materials|intellectual\s+property|copyrights?|"
    r"IPRs?|inventions?|content|code|trade\s?marks?|marks?|patents?|know-how|domain\s+names?|data|results|"
    r"improvements?|modifications?|enhancements?|technology|developments?|regulatory\s+(?:filings?|approvals?|"
    r"submissions?|documentation)|marketing\s+authori[sz]ations?|licen[cs]e\s+applications?|NDAs?|INDs?|"
    r"proprietary\s+rights|moral\s+rights|goodwill|artwork|specifications|documentation|programs?|outputs?|"
    r"inputs?|deliverable)\b"
)
# An owner who is none of the parties: "the creating party", "the party who supplied", "each Individual User",
# "the respective trade dress owners", "the owner" (the ownership stays where it is; nothing passes between them).
NON_PARTY_OWNER = _rx(
    r"(?:each\s+|its\s+|their\s+|such\s+)?(?:(?:creating|supplying|disclosing|developing|originating|inventing)\s+"
    r"party|party\s+(?:who|that|which)|(?:respective\s+)?(?:[\w-]+\s+){0,3}?owners?\b|individual\s+users?|"
    r"(?:end\s+)?users?\b|third\s+part(?:y|ies))"
)
# What an assignment verb must carry to be about rights ("assign a task leader" is not).
RIGHTS_OBJECT = _rx(
    r"\b(?:rights?|title|interest|ownership|copyrights?|intellectual\s+property|IPR?|patents?|"
    r"deliverables?|work\s+product|inventions?|works?|regulatory\s+(?:filings?|approvals?|submissions?)|"
    r"marketing\s+authori[sz]ations?|licen[cs]e\s+applications?|domain\s+names?|NDAs?|INDs?)\b"
)
# The work or its rights, as a sentence about title must name them to be about IP.
IP_OBJECT = _rx(
    r"\b(?:software|deliverables?|work\s+product|works?|designs?|materials|intellectual\s+property|"
    r"copyrights?|IPRs?|inventions?|content|code)\b"
)
# Things that are not the work: a transfer of title to them is a sale of goods, shares or a lease. ("Product" naming
# IP of the product is no goods: "the Product Patents", "Product Improvements", "Product Know-How".)
GOODS = _rx(
    r"\b(?:products?(?!\s+(?:filings?|data|know-how|information|technology|intellectual|rights|licen|improvements?|"
    r"patents?|inventions?|trade\s?marks?|marks|designs?|specifications?|formulations?|registrations?|dossiers?))|"
    r"equipment|goods|hardware|inventory|shares|stock|assets|premises|lease|franchise|wells?|"
    r"items?|units?|aircraft|vehicles?|receivables|accounts)\b"
)
# A warranty that a party has rights, not a transfer of them.
WARRANTY = _rx(
    r"\b(?:represents?|warrants?)\s+(?:and\s+(?:warrants?|represents?|covenants?)\s+)?"
    r"(?:to\s+\w+\s+|for\s+the\s+benefit\s+of\s+(?:the\s+)?[\w.-]+\s+)?that\b"
)
# Made under the contract: ownership of it is an allocation of new work, not a party keeping its own.
CREATION = _rx(
    r"\b(?:creat(?:ed|es|e)|develop(?:ed|s)|made|makes?|conceived|generated|produced|arising|prepared|"
    r"written|invented|authored|reduced\s+to\s+practice)\b"
)
DEFINITION = re.compile(
    r"\W{0,3}(?:\w{1,4}[.)]\s+)?[\"“][^\"”]{1,60}[\"”]\s+(?:means|shall\s+mean|has\s+the\s+meaning|"
    r"includes|refers\s+to)\b",
    re.IGNORECASE,
)
RETAINS = _rx(
    r"\b(?:retains?|reserves?|shall\s+retain|will\s+retain|keeps?|remains?\s+the\s+(?:sole\s+)?"
    r"(?:and\s+exclusive\s+)?property\s+of|shall\s+remain\s+(?:with|the\s+(?:sole\s+(?:and\s+exclusive\s+)?)?"
    r"property\s+of)|remain\s+(?:the\s+)?(?:sole\s+|exclusive\s+|absolute\s+|and\s+)*(?:property|owners?)\s+of|"
    r"remains?\s+(?:vested\s+in|with)|continues?\s+to\s+own|shall\s+continue\s+to\s+own)\b"
)
# Made, supplied or held by a party (the owner named after it keeps what is its own): "Inventions made solely
# by or on behalf of X shall be owned by X", "records provided by the Company … are the property of the Company",
# "any Intellectual Property owned by the Company … shall be the absolute property of the Company".
MADE_BY = _rx(
    r"\b(?:made|developed|conceived|created|generated|authored|invented|reduced\s+to\s+practice|supplied|"
    r"(?<!be\s)(?<!is\s)(?<!are\s)(?<!been\s)(?<!become\s)(?<!becomes\s)(?<!solely\s)(?<!exclusively\s)(?<!wholly\s)owned|"
    r"provided|furnished|disclosed)\s+(?:(?!(?:shall|will|be|is|are|owned)\b)[\w,]+\s+){0,8}?(?:solely\s+|exclusively\s+|"
    r"independently\s+)?by\s+(?:or\s+(?:for|on\s+behalf\s+of)\s+)?"
)
WORK_FOR_HIRE = _rx(
    r"\bworks?\s+(?:made\s+)?for\s+hire\b|\bspecially\s+(?:ordered\s+or\s+)?commissioned\b|"
    r"\bsection\s+101\s+of\s+the\s+(?:U\.?S\.?\s+|United\s+States\s+)?Copyright\s+Act"
)
WORK_FOR_HIRE_NEGATED = _rx(
    r"\b(?:not|never|no)\s+(?:be\s+)?(?:deemed\s+|considered\s+|treated\s+as\s+)?(?:an?\s+)?"
    r"(?:works?\s+(?:made\s+)?for\s+hire)|to\s+the\s+extent\s+(?:that\s+)?(?:any\s+)?"
    r"[^.;]{0,80}?(?:is|are)\s+not\s+(?:an?\s+)?works?\s+(?:made\s+)?for\s+hire"
)

# -- licences and their modifiers -----------------------------------------------------------

# The words that make a grant verb a licence: the licence itself, a right to do something, or the
# scope words only a licence carries ("grants to Corio a nonexclusive, nontransferable, royalty-free, …").
_LICENCE_WORDS = (
    r"(?:licen[cs]e|right\s+to|rights\s+to|rights?\s+and\s+(?:privilege|licen[cs]e)s?\s+to|privilege\s+to|"
    r"permission|non-?\s?exclusive|exclusive\s+right|royalty[- ]free|non-?\s?transferable|sub-?licens)"
)
# What a permission to use must name to be a licence of the work or a mark (not "may use reasonable efforts").
_LICENSED_THINGS = (
    r"(?:Deliverables?|Work\s+Product|Works?(?!\s+Orders?\b)|Materials|Content|Contributions?|Software|Results|Source\s+Code|"
    r"Object\s+Code|Technology|Know-How|(?:Trade|Service)\s?marks?|Marks|Brand\s+Features|Logos?|Likeness|"
    r"Licensed\s+(?:Products?|Materials?|Technology|Marks|Software|Content|Programs?|IP|Patents?|Know-How|Trademarks?))"
)
# A verb "licenses" after a word that can be its subject, not after a determiner or a possessive ("the licenses", "its
# licenses", "Licensor's licenses", "and licenses"): checked behind the word, once it has matched.
_LICENSES_VERB = (
    r"\blicen[cs]es\b(?<=[\w.,&-]\slicen[cs]es)"
    + "".join(
        rf"(?<!\b{w}\slicen[cs]es)"
        for w in (
            *("to", "the", "a", "any", "all", "this", "such", "or", "nor", "and", "its", "their", "our", "your", "of"),
            *("no", "these", "those", "other", "which", "what", "new", "own", "some", "each", "for", "with", "under"),
        )
    )
    + r"(?<!['’]s\slicen[cs]es)(?<!s['’]\slicen[cs]es)"
)
GRANT = _rx(
    r"\b(?:(?:hereby\s+)?grants|(?:does\s+)?hereby\s+grant|(?:you|we|I)\s+grant|"
    r"(?:shall|will|agrees?\s+to|undertakes?\s+to)\s+"
    r"grant|(?:is|are)\s+(?:hereby\s+|also\s+|further\s+)?granted|"
    r"(?<=[\w.&-]\s)(?<!\bto\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bany\s)(?<!\bthis\s)(?<!\bsuch\s)(?<!\bor\s)(?<!\bnor\s)(?<!\band\s)grant"
    r"(?=\s+(?:to\s+)?(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:an?\s+|the\s+)(?:[\w-]+,?\s+){0,6}?"
    r"(?:licen[cs]e|right|non-?exclusive|exclusive)))\b"
    r"(?=(?:[^.;]|\.\w){0,400}?\b" + _LICENCE_WORDS + r")|"  # a dot inside a word ("drkoop.com", "2.1") ends nothing
    # a lead-in: "Customer grants to IBM:" then the licences, one an item
    r"\b(?:hereby\s+)?grants?(?:\s+and\s+(?:shall|will)\s+grant)?\s+to\s+[^.;:]{1,80}:\s*$|"
    # the verb "license": "The Licensor hereby licenses to the Licensee the Images", "shall license the Software to
    # Customer", "Northlight licenses Harbour the right to …" (a bare "licenses" only after a word that can be a
    # subject, not after a determiner or a possessive: "its licenses to third parties", "all licenses granted";
    # the classifier wants a party right before it)
    r"\b(?:hereby|(?:shall|will|agrees?\s+to|undertakes?\s+to)(?:\s+hereby)?)\s+licen[cs]es?\b"
    r"(?=\s+(?!(?:from|under|in|with|and|or|fees?|agreements?|of|for)\b)(?:to\s+)?\w)"
    r"(?![^.;]{0,120}?\bfrom\s+(?:an?\s+|any\s+|the\s+)?(?:third|other|its|their|such)\b)|"  # licensed in, not out
    r"\b(?:we|I)\s+licen[cs]e\b(?=\s+(?:to\s+)?(?:you|the)\b)|"
    + _LICENSES_VERB
    + r"(?=\s+(?:to\s+)?(?:the\s+)?(?!(?:to|use)\b)[\w.-]+(?:\s+[\w.-]+)?\s+"
    r"(?:an?\s+|the\s+|all\s+|its\s+|their\s+|to\s+|(?:[\w-]+,?\s+){0,6}?(?:licen[cs]e|right)))|"
    r"\blicen[cs]es?\b(?=[^.;]{0,60}?\b(?:is|are)\s+(?:hereby\s+)?granted\b)|"
    r"\b(?:is|are)\s+(?:hereby\s+|hereunder\s+)?licen[cs]ed\s+(?:to\s+(?:use|market|distribute|reproduce|sell|resell|"
    r"copy|display|exploit|make)\b|(?=to\s+\w))|"
    # the grantee as subject: "the Customer shall have a licence", "You get a licence", "will receive a … licence"
    # (not "wishes to receive", "attempt to obtain a license" from a third party, "a credit against License Fees")
    r"(?<!\bto\s)\b(?:(?:shall|will)\s+(?:have|get|receive|obtain|be\s+given)|gets?|receives?)\s+an?\s+"
    r"(?:[\w-]+,?\s+){0,6}?(?:right\s+and\s+)?licen[cs]e\b(?!\s+fees?\b)|"
    r"\b(?:(?:shall|will)\s+)?gives?\s+(?:to\s+)?(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:an?\s+)?(?:[\w-]+,?\s+){0,6}?"
    r"licen[cs]e\b|"
    r"\b(?:shall|will)\s+hold\s+(?:the\s+)?(?:exclusive|non-?exclusive|sole)\s+(?:[\w-]+\s+){0,2}rights?\s+to\b|"
    r"\b(?:authori[sz]es?|permitting|hereby\s+permits?)\s+(?:the\s+)?(?:other\s+)?\w+\s+to\s+(?:use|display|"
    r"reproduce|copy|distribute|exploit|upload|publish|modify)\b(?=[^.;]{0,120}?\b(?:Deliverables?|Work\s+Product|"
    r"Works?|Materials|Content|Contributions?|Software|Results|Marks|trademarks|logos|names)\b)|"
    r"\b(?:may|(?:is|are)\s+(?:hereby\s+)?(?:permitted|authori[sz]ed|entitled)\s+to|has\s+the\s+right\s+to|"
    r"shall\s+have\s+the\s+right\s+to)\s+"
    r"(?:freely\s+)?(?:\([a-z]\)\s+)?(?:access\s+and\s+)?(?:use|reproduce|copy|modify|distribute|exploit|display)\b"
    r"(?=[^.;]{0,160}?\b" + _LICENSED_THINGS + r"\b)"
)
GRANT_TRAP = _rx(
    r"\blicensed\s+(?:professional|to\s+practi[cs]e|in\s+the\s+state)|\b(?:driver'?s|business|"
    r"professional|liquor|operating)\s+licen[cs]e|\bgrant(?:s|ed)?\s+(?:of\s+)?(?:funding|"
    r"an?\s+extension|a\s+waiver|access\s+to\s+the\s+premises)|\bthird[- ]party\s+licen[cs]es?\b|"
    r"\bgrant\s+(?:agreement|funding)|\bopen[- ]source\s+licen[cs]e|"
    r"\blicen[cs]es?\s+(?:and\s+rights\s+)?granted\s+(?:to|under|in|by|hereunder|herein)\b|"
    # granted nothing, or something that is no licence: a refusal right, an option to buy, an audit
    r"\bgrants?\s+no\b|\bright\s+of\s+first\s+(?:refusal|negotiation|offer)|\boption\s+to\s+(?:purchase|acquire)|"
    r"\b(?:(?:exclusive|irrevocable|sole|and)\s+)*right\s+and\s+option\b|\bright\s+to\s+(?:examine|audit|inspect|terminate|"
    r"purchase|acquire)\b|"
    # a section's title cited in parentheses: "(Grants to BLI)", "(Scope of Grants)"
    r"\(\s*(?:[\w-]+\s+){0,4}Grants?\b[^)]{0,40}\)|"
    # a condition on a grant made elsewhere: "where the right to sublicense is granted under this Agreement"
    r"\b(?:where|if|when)\s+(?:the\s+|a\s+|any\s+)?(?:right|licen[cs]e)s?\b[^.;]{0,40}?\b(?:is|are)\s+granted|"
    # a grant that may happen, by a party or anyone else: "In the event that a User grants rights to the Sponsor",
    # "if the Team Companies grant the Sponsor the right to run a contest" (a condition, nothing granted here)
    r"\b(?:in\s+the\s+event|if|should|unless|whether)\s+(?:that\s+)?(?:an?\s+|the\s+|such\s+|any\s+|either\s+|each\s+)?"
    r"(?:[\w-]+\s+){0,3}grants?\b|"
    # a party's capacity to license (a warranty of title), not a licence: "X has the right to use and license the IP"
    r"\b(?:has|have)\s+the\s+(?:full\s+|sole\s+)?right\s+to\s+use\s+and\s+(?:to\s+)?(?:licen[cs]e|grant|sub-?licen[cs]e)\b"
)
DERIVATIVE = _rx(
    r"\bderivative\s+works?\b|\bcreate\s+derivatives\b|\b(?:modify|adapt|translate|alter),?\s+"
    r"(?:(?:modify|adapt|translate|alter|transform|edit),?\s+)*(?:and|or)\s+(?:modify|adapt|translate|"
    r"alter|transform)\b|\badaptations\b"
)
DERIVATIVE_TRAP = _rx(
    r"\b(?:financial|credit|equity|commodity|interest\s+rate|currency|swap)\s+derivatives?|"
    r"\bderivatives?\s+(?:instruments?|contracts?|transactions?|trading)"
)
PERPETUAL = _rx(
    r"\bperpetual(?:ly)?\b|\bin\s+perpetuity\b|\birrevocabl[ey]\b|\bfor\s+the\s+(?:full|entire)\s+"
    r"(?:term|duration)\s+of\s+(?:the\s+)?copyright|\bthroughout\s+the\s+universe\b|"
    r"\bsurviv(?:e|es|ing)\b[^.;]{0,80}?\bindefinitely\b"  # "shall survive any termination indefinitely"
)
PERPETUAL_TRAP = _rx(
    r"irrevocabl[ey]\s+(?:and\s+(?:unconditionally|expressly)\s+)?(?:appoints?|constitutes?|designates?|authori[sz]es?|waives?\b|"
    r"(?:submits?|consents?|agrees?|waives?)\b(?=[^.;]{0,80}(?:jurisdiction|venue|courts?|"
    r"forum|trial|objection)))|attorney[- ]in[- ]fact|power\s+of\s+attorney|irrevocable\s+"
    r"(?:standby\s+)?letter\s+of\s+credit|irrevocable\s+(?:proxy|instructions?|offer)|irrevocable\s+(?:right\s+and\s+)?option\b|"
    r"perpetual\s+(?:inventory|calendar|bonds?)|perpetual,?\s+(?:but\s+)?revocable|irrevocabl[ey]\s+(?:and\s+unconditionally\s+)?"
    r"(?:assigns?|transfers?)|(?:submit|consent)\w*\s+irrevocably"
)
ANY_PURPOSE = _rx(
    r"\bfor\s+any\s+(?:and\s+all\s+)?(?:lawful\s+|other\s+)?purposes?(?:\s+whatsoever)?\b|\bany\s+"
    r"purpose\s+whatsoever\b|\bwithout\s+"
    r"(?:any\s+)?(?:restriction|limitation)(?:s)?\s*(?:(?:or|and)\s+(?:obligation|compensation|restriction|"
    r"limitation|payment|attribution)s?\s*)?(?:of\s+any\s+kind\s+)?(?=[^.;]{0,40}\b(?:use|"
    r"purpose|exploit|manner|media)|[.;,])|\bunrestricted\b|\bin\s+any\s+manner(?:\s+whatsoever)?\b|"
    r"\bin\s+any\s+way\s+(?:it|they|the\s+\w+)\s+(?:sees?|deems?)\s+fit|\bas\s+(?:it|they|the\s+\w+)\s+"
    r"(?:sees?|deems?|thinks?)\s+fit\b|\bwithout\s+(?:any\s+)?obligation\s+or\s+restriction\b"
)
# "for any purpose other than", "for purposes of this Section", "any and all claims"
ANY_PURPOSE_TRAP = _rx(
    r"for\s+any\s+(?:other\s+)?purposes?\s+(?:other\s+than|except|not\s+(?:expressly\s+)?"
    r"(?:permitted|authori[sz]ed|set\s+out))|for\s+the\s+purposes?\s+of\s+this|"
    r"any\s+and\s+all\s+(?:claims|losses|liabilit|damages|costs|expenses|actions|demands|suits)|"
    r"(?:including|but|not),?\s+without\s+(?:any\s+)?limitation"
)
# a right to process the work by any technology, automated tools included: "using any technology, including automated
# and machine-assisted tools", "using any software, including automated tools" (the tools unnamed, AI among them)
_ANY_TECHNOLOGY = (
    r"\b(?:using|by|with|through)\s+any\s+(?:technology|technologies|software)\b(?=,?\s+including\s+"
    r"(?:without\s+limitation\s+)?(?:[\w-]+\s+){0,4}?(?:automated|automatic|machine[\w-]*|algorithmic|computer[\w-]*)\b)"
)
FUTURE_TECH = _rx(
    r"\b(?:now\s+)?(?:known\s+or\s+(?:hereafter|hereinafter|later|subsequently)|existing\s+or\s+"
    r"(?:hereafter|later|subsequently|in\s+the\s+future)|or\s+(?:hereafter|later)\s+(?:known|"
    r"devised|developed|invented|existing))\s*(?:devised|developed|invented|created|existing|known|"
    r"discovered)?\b|\bnow\s+or\s+(?:hereafter|in\s+the\s+future)\s+(?:known|devised|developed|"
    r"existing)\b|\bincluding\s+future\s+technolog\w+|\bany\s+(?:form\s+of\s+)?technology\s+(?:now|whether)|"
    + _ANY_TECHNOLOGY
)
ANY_TECHNOLOGY = _rx(_ANY_TECHNOLOGY)
ALL_MEDIA = _rx(
    r"\b(?:in\s+)?(?:any\s+and\s+)?all\s+(?:forms\s+of\s+)?media(?:\s+and\s+formats)?\b|"
    r"\bin\s+any\s+(?:and\s+all\s+)?(?:media|medium|format)\b"
)
# "in any media, excluding any Prohibited AI Use": the wide words no longer reach AI use.
AI_EXCLUSION = _rx(
    r"\b(?:does\s+not\s+include|do\s+not\s+include|excluding|other\s+than|except\s+for|never\s+for|"
    r"(?:but|and)\s+not\s+for)\s+"
    r"[^.;]{0,40}?(?:\bProhibited\s+AI\s+Use\b|\bartificial\s+intelligence\b|\bmachine\s+learning\b)"
)
FUTURE_TRAP = _rx(
    r"hereafter\s+(?:referred|called|known\s+as)|(?:press\s+release|publicity|public\s+"
    r"announcement|advertis\w+\s+the\s+relationship)"
)
SUBLICENSE = _rx(
    r"\bsub-?licens(?:e|able|eable|ing|ed)\b|\bthrough\s+multiple\s+tiers\b|\bright\s+to\s+"
    r"(?:grant|authori[sz]e)\s+(?:sub-?)?licen[cs]es\b"
)
# "include this restriction in any sublicense", "every sublicense shall prohibit": a sublicence named, not allowed.
SUBLICENSE_TRAP = _rx(
    r"\b(?:in|into|of|under)\s+(?:any|every|each|such|all)\s+sub-?licen[cs]es?\b|"
    r"\bevery\s+sub-?licen[cs]e\b|\bnon-?\s?sub-?licens\w+|\bwithout\s+(?:the\s+)?right\s+to\s+sub-?licens\w+|"
    r"\bnot\s+(?:be\s+)?sub-?licens\w+|\bmay\s+not\s+(?:\w+\s+){0,4}sub-?licens\w+|"
    r"\bno\s+right\s+to\s+(?:\w+\s+){0,2}sub-?licens\w+"
)
MORAL_RIGHTS = _rx(
    r"\bmoral\s+rights\b|\bdroits?\s+morals?\b|\brights?\s+(?:of|to)\s+(?:attribution|integrity|"
    r"paternity)\b"
)
# "waives", "agrees not to assert", "consents to any modification"; the Australian consent (Copyright Act 1968
# (Cth) s 195AW): "consents to us … doing or omitting to do anything … that would otherwise infringe" them, also
# where the consent is one the creator must procure from its people ("a written consent, for the purposes of Part IX
# of the Copyright Act 1968 (Cth), to any act or omission …"; "consents in writing to any act …"; "written consents
# from each author to any act …")
WAIVER = _rx(
    r"\bwaives?\b|\bwaivers?\b|\b(?:not|never)\s+to\s+assert\b|\bconsents?\s+to\s+(?:any\s+)?"
    r"(?:modification|alteration|use)|\bconsents?"
    r"(?:\s+in\s+writing|\s+from\s+[^.;,()]{0,60}?|,[^.;,()]{0,80}(?:\([^.;()]{0,12}\)[^.;,()]{0,8})?,)?"
    r"\s+to\b(?=[^.;]{0,250}?\b"
    r"(?:(?:would|could|might|may)\s+(?:otherwise\s+)?infring\w*|otherwise\s+infring\w*|omit\w*|omissions?)\b)"
)
FEEDBACK = _rx(
    r"\bFeedback\b|\bUsage\s+Data\b|\bsuggestions?,?\s+(?:comments|ideas|enhancement\s+requests|or\s+"
    r"other\s+feedback)|\baggregated?\s+(?:and\s+|or\s+)?(?:anonymi[sz]ed|de-?identified)\s+data\b|"
    r"\bto\s+(?:improve|develop|enhance)\s+(?:its|their|our|the\s+\w+'?s?)\s+(?:products|services|"
    r"offerings)\b",
    0,
)
FEEDBACK_USE = _rx(
    r"\b(?:may|can|is\s+free\s+to|are\s+free\s+to|shall\s+be\s+free\s+to|has\s+the\s+right\s+to|"
    r"will\s+be\s+free\s+to)\s+(?:freely\s+)?(?:(?:commerciali[sz]e|exploit)\s+and\s+)?(?:use|exploit|"
    r"incorporate|collect|analy[sz]e|disclose|process|commerciali[sz]e)|"
    r"\b(?:may|can)\s+be\s+(?:freely\s+)?(?:used|exploited|incorporated|collected|analy[sz]ed|processed)\b|\bwithout\s+(?:any\s+)?(?:obligation|restriction|compensation|attribution)|"
    r"\bgrants?\b[^.;]{0,120}\blicen[cs]e\b"
)

# -- AI -------------------------------------------------------------------------------------

AI_TERM = re.compile(
    r"\bA\.?I\.?(?![\w.-])|\bGen(?:erative)?\s?AI\b|\bLLMs?\b|"
    r"(?i:\bartificial[- ]intelligence\b|\bmachine[- ]learning\b|"
    r"\bneural[- ]networks?\b|\blarge[- ]language[- ]models?\b|\bfoundation\s+models?\b|\bgenerative\s+(?:models?|"
    r"technolog\w+|tools?|systems?)\b|\btext\s+and\s+data\s+mining\b|\bdeep[- ]learning\b|\bmachine[- ]translation\b|"
    r"\b(?:train\w*|fine-?tun\w*|retrain\w*)\s+(?:(?:of|on|any|an|the|a|its|their|or|and|improve\w*|develop\w*|"
    r"other|third[- ]party|such|models?\s+or)\s+){0,4}(?:(?:AI|ML|machine[- ]learning|language|computer|"
    r"statistical|predictive)\s+)?(?:models?|algorithms?|systems?\s+that\s+learn)\b|"
    # a training verb whose object is a model however its words name it: "to train the image-recognition models
    # behind its product search", "fine-tune its fraud-scoring algorithms" (not "train its staff on the models", "train
    # users of the systems", "train the pricing models", a business's; a model "of" a thing is a product's)
    r"\b(?:re-?)?(?:train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing))\s+"
    r"(?:(?:the|its|their|any|an?|such|these|those|our|your|[\w-]+['’]s)\s+)?(?:own\s+)?"
    r"(?:(?!(?:on|of|in|into|with|to|for|by|at|from|about|and|or|but|how|using|through|under|regarding|"
    r"personnel|staff|employees|users|team|members|people|workers|students|operators|customers|"
    r"business|financial|pricing|delivery|operating|revenue|service|data|product|role|sales|"
    # models named in AI words are the other readings' ("train its own AI models": the AI words)
    r"ai|ml|llms?|artificial|machine|neural|generative|language|deep|large)\b)"
    r"[\w-]+\s+){1,3}?(?:models?|algorithms?|classifiers?|(?:neural\s+)?networks?|systems?)\b(?![’'-])(?!\s+of\b)|"
    r"\btraining\s+data(?:sets?)?\b|"
    r"\bdatasets?\s+(?:for|used\s+to)\s+train|"
    # training a business's products: "to train or improve our products and services" (not "train our staff",
    # nor "training services", a noun)
    r"\btrain(?:(?:s|ed)?\s+(?:(?:and|or)\s+(?:improv|develop|enhanc|refin|build)\w*\s+)?"
    r"(?:(?:our|its|their|your|the|[\w-]+['’]s?)\s+){0,2}|ing\s+(?:(?:and|or)\s+(?:improv|develop|enhanc|refin|build)\w*"
    r"\s+)?(?:(?:our|its|their|your|the|[\w-]+['’]s?)\s+){1,2})(?:own\s+)?(?:products?|services|platforms?|"
    r"technolog(?:y|ies)|offerings|software|solutions)(?:\s+(?:and|or)\s+(?:services|solutions|offerings))?\b)"
)
# "train Client personnel", "training materials", "business model": not AI.
AI_TRAP = _rx(
    r"\bSections?\s+[\w.()]+\s*\([^)]{0,60}\)(?:,?\s+(?:and\s+|or\s+)?\d+(?:\.\d+)*\s*\([^)]{0,60}\))*|"
    r"\btrain\w*\s+(?:of\s+)?(?:the\s+)?(?:\w+'s\s+)?(?:personnel|staff|employees|users|"
    r"team|end\s+users|administrators)|\btraining\s+(?:materials|sessions|courses|services)|"
    r"\b(?:business|financial|pricing|data|delivery|operating|revenue|service)\s+models?\b|"
    r"\bmodel\s+releases?\b|\bmachine[- ]readable\b"
)
RESTRICT = _rx(r"\bprohibit\w*|\brestrict\w*|\bnot\s+permitted|\bforbid\w*")
# Restrictions named, not imposed: "results from Customer's use in violation of the applicable restrictions".
RESTRICTION_REFERENCE = _rx(
    r"\b(?:violation|breach|accordance|compliance|limiting|subject\s+to|contrary\s+to)\s+"
    r"(?:of\s+|with\s+|to\s+)?(?:the\s+|these\s+|those\s+|such\s+|any\s+|its\s+|their\s+|all\s+)?"
    r"(?:(?:applicable|relevant|foregoing|above|other|use)\s+)?(?:restrictions?|prohibitions?)\b"
)
# "subject to the restrictions on Prohibited AI Use": a restriction the contract defines, named where a use is made
# subject to it; its AI words restrict nothing there themselves, and the use the sentence permits is read on its own
# ("for any purpose, subject to …, including to train …" permits training)
AI_RESTRICTION_NAMED = re.compile(
    r"\b(?:[Ss]ubject\s+to|in\s+(?:accordance|compliance)\s+with)\s+(?:the\s+|any\s+)?restrictions?\s+(?:on|of|in)\s+"
    r"(?:any\s+)?(?:[A-Z][\w-]*\s+){0,3}A\.?I\.?(?:\s+[A-Z][\w-]*){0,2}"
)
AI_PERMISSION = _rx(
    r"\b(?:may|can|is\s+(?:hereby\s+)?permitted\s+to|(?:is|are|be)\s+entitled\s+to|has\s+the\s+right\s+to|right\s+to|license\s+to|"
    r"including\s+(?:to|for|without\s+limitation\s+to|the\s+right\s+to)|free\s+to)\b"
)
# A proviso that conditions what the sentence before it says ("…, provided that such tools are not made available to
# the public", "on condition that", "so long as"): its own "not" limits the condition, not the grant
PROVISO = _rx(
    r",?\s*\b(?:provided(?:,?\s+(?:however|always),?)?\s+that|on\s+(?:the\s+)?(?:condition|terms?)\s+that|"
    r"(?:so|as)\s+long\s+as)\b"
)
# A consent or authority to use the work AS training data, the other side named after the verb ("Performer consents
# to Studio and its licensees using the Recordings as training data for speech synthesis …", "authorises the Publisher
# to use the Text as a training corpus"): a permission of that party's, though no "may" says so
AI_CONSENT = _rx(
    r"\b(?:consents?\s+to|authori[sz]es?|permits?|allows?|entitles?)\b(?=[^.;]{0,200}?\bas\s+(?:(?:part\s+of\s+)?"
    r"(?:an?|the|its|their)\s+)?(?:(?:AI|ML|machine[- ]learning|model)\s+)?(?:training|learning)\s+(?:data(?:sets?)?|"
    r"materials?|content|corpus|corpora|sets?|inputs?|examples?)\b)"
)

# -- new material in a person's voice or likeness by digital means ----------------------------------

# The means: "by digital or any other means", "by digital means", "using electronic or other means", "by any means,
# digital or otherwise", "digitally", "synthetically"; or the thing itself: "a digital replica", "a synthetic voice",
# "voice clone"
DIGITAL_MEANS = _rx(
    r"\b(?:by|through|using|with)\s+(?:any\s+)?(?:digital|electronic|synthetic|technological|computer(?:i[sz]ed)?)\b"
    r"[\w\s,-]{0,30}?\bmeans\b|\bby\s+any\s+(?:other\s+)?means,?\s+(?:whether\s+)?(?:digital|electronic)\b"
    r"(?:\s+or\s+otherwise\b)?|\b(?:digitally|synthetically|artificially)\b|"
    r"\b(?:digital|synthetic|virtual)\s+(?:replicas?|doubles?|clones?|voices?|likeness(?:es)?|performances?)\b|"
    r"\bvoice[- ]?(?:clones?|cloning)\b"
)
# What is made: a verb of making new material (base form, after "may" / "is entitled to")
MAKE_MATERIAL = _rx(
    r"\b(?:create|generate|make|produce|synthesi[sz]e|simulate|recreate|replicate|fabricate|clone|render)\b"
)
# Whose voice or likeness: "in the Narrator's voice", "in the Consultant's likeness and voice", "the voice of X"
VOICE_LIKENESS = _rx(r"\b(?:voices?|likeness(?:es)?)\b")
# The permission: "may", "is entitled to", "has the right to", "shall be free to"
MAY_MAKE = _rx(
    r"\b(?:may|can|(?:is|are|shall\s+be)\s+(?:entitled|permitted|free|authori[sz]ed)\s+to|"
    r"(?:has|have|shall\s+have)\s+the\s+right\s+to)\b"
)
# a permission that waits for the creator's word
CONSENTED = _rx(r"\b(?:consent\w*|approv\w*|agree\w*|permission)\b")

# -- boilerplate kinds ----------------------------------------------------------------------

# A place's law: "the laws of the State of Texas", "the law in force in Ireland", "Swiss law", "PRC Laws"
# (not "Applicable Law", a defined term that names no place).
_LAW_NAMED = (
    r"(?:laws?\s+(?:of|in\s+force\s+in)\b(?!\s+(?:the\s+|any\s+|such\s+|that\s+|this\s+)?(?:jurisdiction|country|place)\b)|"
    r"(?!(?i:applicable|governing|relevant|data|such|all|any|the)\b)"
    r"(?-i:[A-Z][\w.'’-]*\s+){1,3}laws?\b)"
)
# Governing law in its word orders: "governed by / construed in accordance with / interpreted under …
# the laws of X", "The laws of X will govern / shall apply", "English law governs", "is subject to the
# law of X", "Governing law: … will govern", "the governing law is".
GOVERNING_LAW = _rx(
    r"\b(?:governed|construed|interpreted|enforced|performed|determined|applied)\b"
    r"(?:[^.;]|\.\d){0,100}?"
    r"\b(?:in\s+accordance\s+with|under|(?<!permitted\s)(?<!required\s)by|pursuant\s+to|according\s+to|"
    r"with\s+reference\s+to)[,\s]+"
    r"(?:the\s+)?(?:(?:exclusive|internal|substantive|domestic|local|statutory|regulatory|decisional|common|and)"
    r",?\s+)*" + _LAW_NAMED + r"|"
    # (not the law of an arbitration's procedure: "The laws of Ontario shall govern the conduct of the arbitration")
    r"\blaws?\s+of\b[^.;]{0,120}?\b(?:(?:will|shall)\s+)?(?:govern|(?:shall|will)\s+apply\s+to)\b"
    r"(?!\s+(?:the\s+)?(?:conduct\s+of\s+(?:the\s+|any\s+|such\s+)?)?arbitra)|"
    r"(?-i:\b[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,2})\s+law\s+(?:(?:shall|will)\s+)?(?:governs?|"
    r"appl(?:y|ies)\s+to)\b|(?<!corporation\s)(?<!company\s)(?<!entity\s)\bsubject\s+to\s+the\s+(?:exclusive\s+)?"
    r"laws?\s+of\b|"
    r"\b(?:governed|construed)\b[^.;]{0,60}?\bthe\s+laws?\s+(?:listed|set\s+(?:out|forth)|specified|stated|named|"
    r"identified|chosen|governing)\b|"
    r"\bGoverning\s+Law\b[^.;]{0,60}?\b(?:will|shall)\s+govern\b|\bgoverning\s+law\s+"
    r"(?:is|shall\s+be|will\s+be)\b|\bchoice\s+of\s+law\b(?=[^.;]{0,60}\blaws?\s+of)"
)
LAW_LABEL = _rx(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:governing|applicable|choice\s+of)\s+law\b[^.;]{0,40}$")
LAW_ALONE = _rx(
    r"\blaws?\s+of\b|\{governing_law\}|\[governing\s+law\]|"
    # a law named by its title under a governing-law label: "the New York General Obligations Law"
    r"(?-i:\b(?!(?:Applicable|Governing|Relevant|Choice|Such|Any|All|The|This)\b)[A-Z][\w'’-]*\s+"
    r"(?:[A-Z][\w'’-]*\s+){0,3}(?<!Governing\s)(?<!Applicable\s)(?<!Relevant\s)Laws?\b)"
)
LAW_PLACE = re.compile(
    r"\b[Ll]aws?\s+(?:of|in\s+force\s+in)\s+(?:the\s+)?((?:(?i:State|Commonwealth|Province|Republic|"
    r"Kingdom|Federal\s+Republic|District)\s+of\s+)?(?:[A-Z][\w'’-]*|\{[^}]*\}|\[[^\]]*\])(?:\s+(?:and\s+Wales|of\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*|[A-Z][\w'’-]*)){0,3})|\b((?!(?:Applicable|Governing|Relevant|The|This)\b)[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*){0,2})\s+[Ll]aws?\b"
)
INDEMNITY = _rx(
    r"\b(?:shall|will|agrees?\s+to|must|hereby\s+agrees?\s+to|undertakes?\s+to)\s+(?:at\s+its\s+"
    r"(?:own\s+)?(?:cost|expense)[,\s]+)?(?:defend,?\s+)?(?:and\s+)?(?:fully\s+)?(?:indemnif\w+|hold\s+\w+\s+"
    r"harmless)|\bindemnify,?\s+defend|\bdefend,?\s+indemnify|"
    # a letter's or an email's plain words: "you will cover me and my subcontractors for all claims, losses …"
    r"\b(?:you|we|I)\s+(?:will|shall|must|agree\s+to)\s+cover\s+(?:me|us|you)\b[^.;]{0,80}?\bfor\s+(?:all|any)\s+"
    r"(?:[\w-]+\s+){0,2}claims\b"
)
INDEMNITY_HEADING = _rx(r"\bindemni")
MUTUAL = _rx(r"\beach\s+party\b|\beither\s+party\b|\bthe\s+parties\s+(?:shall|will|agree)\b|\bmutual")
LIABILITY = _rx(
    r"\bin\s+no\s+event\s+(?:shall|will)\b[^.;]{0,120}\bliable\b|\b(?:shall|will)\s+not\s+be\s+liable\s+"
    r"(?:to\s+\w+\s+)?for\s+any\s+(?:indirect|consequential|special|incidental|punitive|lost)|\b(?:aggregate|"
    r"total|maximum|cumulative)\s+liability\b|\bliability\b[^.;]{0,120}\b(?:shall|will)\s+not\s+exceed\b|"
    r"(?<!\()\blimitation\s+of\s+liability\b(?!\))|\bexclusion\s+of\s+(?:certain\s+)?damages\b"
)
CONFIDENTIALITY = _rx(
    r"\bConfidential\s+Information\b[^.;]{0,40}\b(?:means|shall\s+mean|includes)\b|\b(?:hold|keep|"
    r"maintain|treat)\s+(?:all\s+|any\s+|such\s+|the\s+)?(?:\w+\s+){0,3}(?:in\s+(?:strict\s+)?"
    r"confidence|(?:strictly\s+)?confidential)\b|\bsame\s+degree\s+of\s+care\b|\b(?:shall|will|may)\s+"
    r"not\s+(?:\w+\s+){0,3}disclose\b[^.;]{0,80}\bConfidential|\bnon-?disclosure\s+obligations?\b|"
    r"\b(?:shall|will|must)\s+not\s+(?:\([a-z]\)\s+)?(?:use|disclose)\b[^.;]{0,60}\bConfidential\s+Information|"
    r"\bprotect\s+(?:the\s+)?(?:\w+['’]s\s+)?Confidential\s+Information\b"
)
CONFIDENTIALITY_TRAP = _rx(r"\bpersonal\s+data\b|\bdata\s+protection\b|\bdata\s+subjects?\b")
RESERVATION = _rx(
    r"\ball\s+(?:other\s+)?rights\s+(?:not\s+(?:expressly\s+|specifically\s+)?granted\b[^.;]{0,80}?"
    r"\b(?:are|is|shall\s+be|remain)\s+(?:hereby\s+)?reserved|(?:are\s+|is\s+)?(?:hereby\s+)?reserved)|"
    r"\breserves?\s+all\s+(?:other\s+)?(?:rights|right,\s+title)|\bno\s+(?:other\s+)?(?:rights?|licen[cs]es?)\s+"
    r"(?:are|is|will\s+be|shall\s+be)\s+(?:\w+\s+)?granted\b|\bno\s+implied\s+(?:rights?|licen[cs]es?)|"
    r"\bexcept\s+(?:for\s+the\s+(?:rights|licen[cs]es?)|as\s+expressly)\s+(?:expressly\s+)?(?:granted|set\s+"
    r"(?:out|forth))\b[^.;]{0,120}\b(?:retains?|reserves?)\b|\bby\s+implication,\s+estoppel|\bretains?\s+all\s+"
    r"(?:of\s+(?:its|their)\s+)?(?:right,?\s+title|rights|intellectual\s+property)|"
    r"\brights?\s+(?:is|are)\s+(?:hereby\s+)?reserved\s+(?:to|for|by)\b|"
    # "All rights in the Work not expressly granted to the Publishers … are reserved to the Proprietor", "Any right
    # in the Episodes not expressly granted … remains with the Host": the rights named by what they are in
    r"\b(?:all|any|every)\s+(?:other\s+)?rights?\s+(?:in|to|of|under)\s+[^.;]{1,60}?\s+(?:that\s+(?:is|are)\s+)?"
    r"not\s+(?:expressly\s+|specifically\s+)?granted\b[^.;]{0,80}?\b(?:(?:are|is|shall\s+be|will\s+be)\s+"
    r"(?:hereby\s+)?(?:reserved|retained)|(?:remains?|shall\s+remain|will\s+remain)(?=\s+(?:with|vested\s+in)\b))"
)
RESERVATION_MUTUAL = _rx(
    r"\bneither\s+party\s+(?:transfers|grants|assigns|conveys)\b|"
    r"\bno\s+rights\s+(?:are|will\s+be)\s+transferred\b"
)
SURVIVAL = _rx(
    r"\b(?:shall|will|must|to)\s+survive\b|\bsurvives?\s+(?:any\s+|the\s+)?(?:termination|expiration|"
    r"expiry)|\bsurvival\b"
)

# -- scope limitation and protections -----------------------------------------------------------

SCOPE_LIMIT = _rx(
    r"\b(?:solely|only|exclusively)\s+(?:for|in\s+connection\s+with|to\s+the\s+extent\s+necessary|"
    r"as\s+(?:needed|necessary|required|reasonably\s+necessary))\b|\bfor\s+the\s+(?:sole|limited|"
    r"specific)\s+purposes?\b|\bPermitted\s+(?:Purpose|Use)\b|\blimited\s+to\s+(?:the\s+)?(?:use|purpose)|"
    r"\bfor\s+(?:its|their|the\s+\w+'s)\s+internal\s+(?:business\s+)?(?:use|purposes)\b"
)
# A grant already limited by its own words, without "solely": a period ("for two years", "for the term of
# this Agreement"), a territory ("in the United Kingdom"), named media ("in the Licensee's printed
# catalogues") or a named purpose ("for the purpose of receiving the Services").
LIMITED_GRANT = re.compile(
    r"\bfor\s+(?:a\s+(?:period|term)\s+of\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|eighteen|twenty[- ]four|thirty[- ]six)\s+(?:\(\d+\)\s+)?(?:years?|months?|weeks?|days?)\b|"
    r"\bfor\s+the\s+(?:duration|term)\s+of\s+(?:this|the)\s+(?:agreement|contract|licen[cs]e|project|campaign)\b|"
    r"\b(?:in|within|throughout)\s+the\s+(?:United\s+(?:Kingdom|States)|European\s+Union|EEA|Territory)\b|"
    r"\bin\s+(?:the\s+\w+['’]s|its|their)\s+(?:own\s+|printed\s+)?(?:catalogues?|catalogs?|websites?|brochures?|"
    r"magazines?|newspapers?|publications?|packaging|advertising|social\s+media)\b|"
    r"\bfor\s+the\s+(?:sole\s+)?purposes?\s+of\b",
    re.IGNORECASE,
)
# "The licenses … under this Agreement are granted solely for the Permitted Purpose": every grant
# limited to a purpose the document defines (group 1 names it).
PURPOSE_CLAUSE = re.compile(
    r"(?i:\b(?:licen[cs]es?|rights?)\b[^.;]{0,200}?\b(?:is|are)\s+granted\s+"
    r"(?:solely\s+|only\s+|exclusively\s+)?for\s+the\s+)((?:[A-Z][\w-]*\s+)?Purposes?)\b"
)
# Remedies for AI misuse: an injunction, a certificate, deletion of what was built from the work.
AI_REMEDY = _rx(
    r"\binjunct\w*|\bequitable\s+relief|\bspecific\s+performance|\birreparable\s+(?:harm|injury|damage)|"
    r"\bcertif(?:y|ies|ication)\b|\bdelet\w+[^.;]{0,160}?\b(?:datasets?|embeddings?|model\s+weights|"
    r"models?|adapters?)\b"
)
# "Nothing in the governing-law provisions prevents the Provider from seeking injunctive relief … in any court".
INJUNCTION_ANYWHERE = _rx(r"\binjunct\w*[^.;]{0,160}?\bin\s+any\s+(?:competent\s+)?court")
LAW_CONTEXT = _rx(r"\bgoverning[- ]law|\bdispute[- ]resolution|\blaws?\s+of\b")
# (not "de-identify": removing what identifies a person discloses nothing)
AI_TRANSPARENCY = _rx(r"\b(?:disclose|notify|inform|report|transparen\w*|list\s+of|(?<![-‐])identify)\b")

# -- headings -----------------------------------------------------------------------------------

HEADINGS: dict[str, re.Pattern[str]] = {
    "ip": _rx(
        r"\bintellectual\s+property|\bownership\b|\bproprietary\s+rights|\bwork\s+product\b|"
        r"\bassignment\s+of\s+(?:rights|inventions|intellectual)|\bcopyright|\binventions?\b|"
        r"\brights?\s+in\s+(?:the\s+)?(?:deliverables|work|results|materials)|\bdata\s+rights|\b(?:IPR|IP)\b"
    ),
    "reservation": _rx(r"\breservation\s+of\s+rights|\breserved\s+rights"),
    "license": _rx(
        r"\blicen[cs]e|\bgrant\s+of\s+rights|\busage\s+rights|\brights\s+granted|\buse\s+of\s+"
        r"(?:the\s+)?(?:deliverables|work|materials)"
    ),
    "work_made_for_hire": _rx(r"\bwork\s+(?:made\s+)?for\s+hire"),
    "moral_rights": _rx(r"\bmoral\s+rights"),
    "feedback": _rx(r"\bfeedback|\busage\s+data|\bsuggestions"),
    "ai": re.compile(r"\bA\.?I\.?\b|(?i:artificial\s+intelligence|machine\s+learning|generative|\btraining\s+data)"),
    "governing_law": _rx(
        r"\bgoverning\s+law|\bchoice\s+of\s+law|\bapplicable\s+law|\bjurisdiction|\bvenue|"
        r"\bdisputes?\b|\bmiscellaneous|\bgeneral\b"
    ),
    "indemnification": INDEMNITY_HEADING,
    "liability": _rx(r"\bliabilit"),
    "confidentiality": _rx(r"\bconfidential|\bnon-?disclosure|\bproprietary\s+information"),
    "survival": _rx(r"\bsurviv"),
    "assignment_clause": _rx(
        r"^\s*(?:\S+\s+)?assignment\s*$|\bsuccessors|\bassignment\s+(?:and|of\s+(?:this\s+)?"
        r"agreement)|\btransfer\s+of\s+(?:this\s+)?agreement"
    ),
    "restrictions": _rx(r"\brestrictions?\b|\bprohibited\s+uses?|\blimitations\s+on\s+use"),
    "publicity": _rx(r"\bpublicity|\bpress|\bannouncements?|\bmarketing"),
    "data_protection": _rx(r"\bdata\s+protection|\bpersonal\s+data|\bprivacy|\bprocessing|\bsub-?processors?"),
}

# The signature block, and the testimonium that opens it ("IN WITNESS WHEREOF", "AS WITNESS the hands of the
# parties hereto", "In witness of which", "Executed as a deed", "This agreement has been entered into on the date
# stated at the beginning of it"): the operative terms end before it.
SIGNATURE = _rx(
    r"^\s*(?:(?:IN|AS)\s+WITNESS\b|WITNESS\s+(?:WHEREOF|the\s+hands?|my\s+hand|our\s+hands)\b|"
    r"EXECUTED\s+(?:as\s+a\s+deed|by\s+the\s+parties)\b|"
    r"This\s+(?:agreement|deed|contract)\s+has\s+been\s+(?:entered\s+into|executed|signed)\b|SIGNED\b|Signature|Signed\s+(?:by|for)|Executed\s+by|"
    r"Agreed\s+and\s+accepted|Accepted\s+and\s+agreed|By:\s*_*|Name:|Title:|Date:)"
)
BACK_MATTER = _rx(
    r"^\s*(?:(?:EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT)\b|(?:Exhibit|Schedule|Annex|Appendix|"
    r"Attachment)\s+(?:[A-Z0-9IVX]+\b|\d))"
)

# -- necessary literals ------------------------------------------------------------------------

# Lower-case literals one of which every match of the pattern holds (tests/analysis/test_patterns.py
# proves it from the parsed pattern): a text whose lower-cased copy holds none of them in the
# searched range cannot match, a cheap test before a slow search.
NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    RETAINS: ("retain", "reserve", "keep", "remain", "continue"),
    WORK_FOR_HIRE: ("hire", "commissioned", "copyright"),
    WORK_FOR_HIRE_NEGATED: ("hire",),
    NEGATION: (
        "not",
        "nor",
        "neither",
        "never",
        "prohibit",
        "forbidden",
        "without",
        "except",
        "other",
        "refrain",
        "right",
    ),
    RESTRICT: ("prohibit", "restrict", "permitted", "forbid"),
    AI_EXCLUSION: ("prohibited", "artificial", "machine"),
    CONFIDENTIALITY: ("confiden", "degree", "disclos"),
    LAW_ALONE: ("law",),
    CONFIDENTIALITY_TRAP: ("data",),
    MUTUAL: ("each", "either", "parties", "mutual"),
    ASSIGNMENT: (
        "assign",
        "transfer",
        "convey",
        "title",
        "property",
        "vest",
        "own",
        "belong",
        "retain",
        "keep",
        "yours",
    ),
    GRANT: (
        "grant",
        "give",
        "licen",
        "hold",
        "authori",
        "permit",
        "deliverable",
        "work",
        "material",
        "content",
        "contribution",
        "software",
        "result",
        "code",
        "technology",
        "know-how",
        "mark",
        "brand",
        "logo",
        "likeness",
    ),
    PERPETUAL: ("perpetu", "irrevocabl", "copyright", "universe", "indefinitely"),
    ANY_PURPOSE: ("purpose", "without", "unrestricted", "manner", "fit"),
    FUTURE_TECH: ("known", "existing", "hereafter", "later", "future", "technology", "technologies", "software"),
    ALL_MEDIA: ("media", "medium", "format"),
    DERIVATIVE: ("derivative", "modify", "adapt", "translate", "alter"),
    SUBLICENSE: ("licen", "tiers"),
    WAIVER: ("waive", "assert", "consent"),
    FEEDBACK: ("feedback", "usage", "suggestion", "aggregate", "improve", "develop", "enhance"),
    GOVERNING_LAW: ("law",),
    INDEMNITY: ("indemnif", "harmless", "cover"),
    LIABILITY: ("liab", "exclusion"),
    RESERVATION: ("reserve", "granted", "implied", "retain", "implication"),
    RESERVATION_MUTUAL: ("neither", "transferred"),
    SURVIVAL: ("surviv",),
    SCOPE_LIMIT: ("solely", "only", "exclusively", "purpose", "permitted", "limited", "internal"),
}

# -- gates: cheap substring tests (on lower-cased text) before the costly searches ------------------

# Each gate (a rule family of the classifier) with the words of its kinds' spec rows (noai.kinds):
# a kind without gate words never fires, so tests/test_kinds.py requires them.
GATES: dict[str, tuple[str, ...]] = gate_words()

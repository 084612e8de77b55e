"""Transfer / ownership / vesting / work-for-hire wordings as a lawyer drafts them (our own sentences, written
before the classifier was changed for them), split into a DEVELOPMENT half (the classifier was fixed by
structure on these) and a CHECK half (never read while fixing; measured before and after, and asserted by
tests/test_transfer_wordings.py). ``{C}`` is the client (the side the work goes to), ``{P}`` the creator.

Each entry is (sentence, expected): "client" — a transfer of the creator's work or its rights to the client
(an ip_assignment or work_made_for_hire finding whose beneficiary is the client); "creator" — the client's
material passing to the creator (beneficiary the creator); "none" — no transfer finding at all (a party
keeping its own, goods, an account, a negation, the agreement assigned)."""

from __future__ import annotations

# Written in groups of one kind; the halves alternate within each group, so each half has every kind.
_CLIENT = (
    "Title to the Deliverables shall pass to {C} upon creation.",
    "All Deliverables are and shall remain the sole property of {C}.",
    "{C} shall own all Deliverables and all Intellectual Property Rights in them.",
    "The Deliverables shall belong to {C} absolutely from the moment of their creation.",
    "Ownership of the Work Product transfers to {C} on delivery.",
    "{P} hereby transfers and conveys to {C} all of its rights in the Deliverables.",
    "The Deliverables shall be deemed the property of {C} for all purposes.",
    "All Intellectual Property Rights in the Deliverables vest absolutely in {C} upon creation.",
    "All copyright in the Works is hereby conveyed to {C}.",
    "With effect from creation, the copyright and all other rights in the Deliverables are assigned to {C} by way "
    "of present assignment of future rights.",
    "{P} assigns to {C}, by way of present assignment of future copyright, the copyright in all Deliverables.",
    "The Deliverables are works made for hire, and {C} shall be considered their author.",
    'Each Deliverable shall be considered a "work made for hire" within the meaning of the Copyright Act.',
    "{P} agrees that all Work Product is the exclusive property of {C}.",
    "All right, title and interest in the Deliverables shall be transferred to {C} upon payment of the Fees.",
    "The assignment to {C} of all rights in the Deliverables takes effect on their creation.",
    "{C} shall be the owner of all Intellectual Property Rights in the Deliverables.",
    "Property in the copyright in the Deliverables passes to {C} on creation.",
    "All Deliverables produced under this Agreement will become the property of {C} upon delivery.",
    "{C} will hold all right, title and interest in the Deliverables.",
    "The Intellectual Property Rights in all Deliverables will be owned by {C} from their creation.",
    "All Deliverables, together with the Intellectual Property Rights in them, are {C}'s property.",
    "{P} shall procure the assignment to {C} of all Intellectual Property Rights in the Deliverables.",
    "Ownership of all Intellectual Property Rights in the Deliverables shall vest in {C} on creation.",
    "{P} acknowledges that {C} owns all Intellectual Property Rights in the Deliverables.",
    "{P} acknowledges and agrees that all Intellectual Property Rights in the Deliverables vest in {C} on creation.",
    "Legal and beneficial ownership of the Deliverables passes to {C} when they are created.",
    "All Deliverables shall be the absolute property of {C} and {P} shall have no rights in them.",
    "{P} hereby grants, assigns and transfers to {C} all rights in the Deliverables.",
    "{P} agrees to assign, and hereby assigns, all copyright in the Deliverables to {C}.",
    "The copyright in the Deliverables shall be owned exclusively by {C}.",
    "Everything {P} creates under this Agreement belongs to {C}.",
    "Upon creation, all rights in the Deliverables shall automatically vest in {C} without further action.",
    "{C} is the sole owner of all Deliverables created by {P} under this Agreement.",
)
_CREATOR = (
    "{C} hereby transfers and conveys to {P} all of its rights in the Client Modifications.",
    "Ownership of any improvements to the Platform made by {C} shall vest in {P}.",
)
_NONE = (
    "Each party retains ownership of its Pre-Existing IP.",
    "Title to the equipment passes to {C} on delivery.",
    "{C} owns the {C} Data.",
    "Risk and title in the goods shall pass to {C} on delivery.",
    "{P} shall transfer the hosting account to {C} on termination.",
    "{C} retains all right, title and interest in the {C} Materials.",
    "Nothing in this Agreement transfers ownership of any Intellectual Property Rights from {P} to {C}.",
    "Title to any hardware supplied by {P} shall pass to {C} upon payment.",
    "{P} may assign this Agreement to an affiliate without the consent of {C}.",
    "{C} acknowledges that {P} owns the Platform and all Intellectual Property Rights in it.",
    "Ownership of the vehicles passes to {C} when the final instalment is paid.",
    "The {C} Data remains the property of {C}.",
    "{P} shall not acquire any ownership of the {C} Materials.",
    "Title to the printed copies shall pass to {C} on delivery to the carrier.",
)


def _halves() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    dev: list[tuple[str, str]] = []
    check: list[tuple[str, str]] = []
    for expected, group in (("client", _CLIENT), ("creator", _CREATOR), ("none", _NONE)):
        for i, sentence in enumerate(group):
            (dev if i % 2 == 0 else check).append((sentence, expected))
    return dev, check


DEVELOPMENT, CHECK = _halves()


# A second held-out half, written after the first check was measured and BEFORE the check half's misses were
# fixed (the check half then served as development): measured before and after that second round.
CHECK_2: list[tuple[str, str]] = [
    ("{C} shall be entitled to all right, title and interest in the Deliverables.", "client"),
    ("All Work Product shall be and remain the exclusive property of {C}.", "client"),
    ("Copyright in the Deliverables shall belong exclusively to {C}.", "client"),
    (
        "{P} hereby assigns absolutely to {C}, with full title guarantee, all Intellectual Property Rights in the "
        "Deliverables.",
        "client",
    ),
    ("{P} shall assign, and procures that its personnel assign, to {C} all rights in the Deliverables.", "client"),
    ("All rights in the Deliverables pass to {C} on payment of each invoice.", "client"),
    ("Ownership of the copyright in the Deliverables will vest in {C}.", "client"),
    ("The Deliverables will be {C}'s exclusive property.", "client"),
    ("{P} conveys to {C} all copyright in the Deliverables.", "client"),
    ("{C} will own the Deliverables outright.", "client"),
    ("The Deliverables are specially commissioned works made for hire for {C}.", "client"),
    ("{P} assigns to {C} all future copyright in the Deliverables, effective on creation.", "client"),
    ("Any and all rights in the Work Product are hereby transferred to {C}.", "client"),
    ("All intellectual property in the Deliverables becomes the property of {C} once created.", "client"),
    ("{C} is and will be the exclusive owner of all Deliverables.", "client"),
    ("{C} hereby assigns to {P} all rights in any Feedback on the tools of {P}.", "creator"),
    ("Ownership of the laptops remains with {P}.", "none"),
    ("Title to the premises of {C} does not pass to {P}.", "none"),
    ("{P} owns its tools, templates and know-how.", "none"),
    ("Neither party shall transfer this Agreement without consent.", "none"),
    ("Title to each shipment passes to {C} when it leaves the warehouse.", "none"),
    ("{C} retains title to the {C} Materials at all times.", "none"),
    ("{P} shall assign a project manager to the account of {C}.", "none"),
]

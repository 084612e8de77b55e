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

"""The one case state model that the store and the window both obey.

::

    NEW ──add images / details──► OPEN ──sign──► SIGNED ──re-open (reason)──► REOPENED ──sign──► SIGNED (amended)
                                   ▲  edit, review    │  read-only: export,        │  edit, review
                                   └──────────────────┘  print, view only          └───────────────

* ``NEW``: images shown in the window but no stored case yet (the first stored result or detail creates it).
* ``OPEN``: stored, never signed; images, details, reviews, conclusion and comments can change.
* ``SIGNED``: read-only in every view, report, export and in the database (its triggers refuse writes).
  Adding images to it is refused: start a new case, or re-open this one with a reason.
* ``REOPENED``: was signed, re-opened with a reason (audited); editable again and needs a new sign-off. The
  earlier sign-off stays in the history, and the report of the next sign-off says it is amended.

:func:`require` raises when an action is not allowed in a state; :func:`transition` gives the state after it.
"""

from __future__ import annotations

from enum import Enum

from ...errors import CaseStoreError, SignedCaseError


class CaseState(str, Enum):
    NEW = "new"
    OPEN = "open"
    SIGNED = "signed"
    REOPENED = "reopened"

    @property
    def editable(self) -> bool:
        return self is not CaseState.SIGNED


class CaseAction(str, Enum):
    ADD_IMAGES = "add images"
    EDIT_DETAILS = "edit details"
    REVIEW = "review"
    SIGN = "sign off"
    REOPEN = "re-open"
    EXPORT = "export"


EDITS = frozenset({CaseAction.ADD_IMAGES, CaseAction.EDIT_DETAILS, CaseAction.REVIEW})

_ALLOWED: dict[CaseState, frozenset[CaseAction]] = {
    CaseState.NEW: EDITS,
    CaseState.OPEN: EDITS | {CaseAction.SIGN, CaseAction.EXPORT},
    CaseState.SIGNED: frozenset({CaseAction.REOPEN, CaseAction.EXPORT}),
    CaseState.REOPENED: EDITS | {CaseAction.SIGN, CaseAction.EXPORT},
}


def state_of(signed: bool, ever_signed: bool, stored: bool = True) -> CaseState:
    """The state of a case from its sign-off history."""
    if not stored:
        return CaseState.NEW
    if signed:
        return CaseState.SIGNED
    return CaseState.REOPENED if ever_signed else CaseState.OPEN


def allowed(state: CaseState, action: CaseAction) -> bool:
    return action in _ALLOWED[state]


def require(state: CaseState, action: CaseAction, case_id: int | None = None) -> None:
    """Raise :class:`SignedCaseError` for an edit of a signed case, :class:`CaseStoreError` for any other action
    the state does not allow."""
    if allowed(state, action):
        return
    name = f"case {case_id}" if case_id is not None else "the case"
    if state is CaseState.SIGNED and action in EDITS | {CaseAction.SIGN}:
        raise SignedCaseError(f"{name} is signed; re-open it with a reason before changing it")
    if action is CaseAction.REOPEN:
        raise CaseStoreError(f"{name} is not signed ({state.value}); only a signed case is re-opened")
    raise CaseStoreError(f"{name} is {state.value}: cannot {action.value}")


def transition(state: CaseState, action: CaseAction) -> CaseState:
    """The state after ``action`` (raises like :func:`require` when it is not allowed)."""
    require(state, action)
    if action is CaseAction.SIGN:
        return CaseState.SIGNED
    if action is CaseAction.REOPEN:
        return CaseState.REOPENED
    if state is CaseState.NEW:
        return CaseState.OPEN
    return state

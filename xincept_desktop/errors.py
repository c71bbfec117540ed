"""The project's own error and warning types.

Every failure that a user can cause (a bad file, a damaged model, a missing weight file) is raised as a
subclass of :class:`XinceptError` with a message that names the thing at fault, so callers can show it
as it is and carry on with the rest of the work.
"""


class XinceptError(Exception):
    """Base class of every error the project raises on purpose."""


class ImageLoadError(XinceptError):
    """A file could not be turned into an RGB image; the message says why."""


class ModelIntegrityError(XinceptError):
    """A model bundle or weight file is missing, damaged or does not match its recorded hash."""


class WeightsError(XinceptError):
    """The ImageNet backbone weights could not be obtained or converted."""


class UnsafePickleError(WeightsError):
    """A pickle asked for something outside the restricted unpickler's allow-list."""


class ReportError(XinceptError):
    """A case report could not be built or written; the message names the file or field at fault."""


class XinceptWarning(UserWarning):
    """Warnings raised by the project (the test-suite turns them into errors)."""


class CaseStoreError(XinceptError):
    """The case database could not be opened, migrated, read or written; the message says which case or file."""


class SignedCaseError(CaseStoreError):
    """An edit was attempted on a signed case; re-open it with a reason first."""


class PermissionDeniedError(CaseStoreError):
    """The signed-in account's role may not take this action (or no one is signed in); the message says who may."""


class AuthenticationError(CaseStoreError):
    """A sign-in or a signature's password was refused. The message never says whether the user name exists."""

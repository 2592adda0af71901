"""Why a build stopped, shared by the steps of the build."""


class BuildFailed(Exception):
    """MkDocs could not build the site; ``messages`` holds its warnings and errors."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages) or "the MkDocs build failed")
        self.messages = messages

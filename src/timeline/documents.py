"""(Skeleton: being written.)"""


class Document:
    pass


def load_documents(*args, **kwargs):
    raise NotImplementedError

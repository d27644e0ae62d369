// Nothing but a comment: the implicit module is empty.

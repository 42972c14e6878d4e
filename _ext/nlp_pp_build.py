"""Tell the chapters' kernels that the book is being built.

``setup`` sets NLP_PP_BOOK_BUILD=1 in the Sphinx process; the kernels that execute the
chapters start from it and inherit the variable, so ``nlp_pp.glue`` stores values
silently for the ``{glue:text}`` roles only here. Everywhere else (Colab, Jupyter,
VS Code, nbval) it shows "`name` = value" under the cell.
"""

import os

ENV = "NLP_PP_BOOK_BUILD"


def setup(app):
    os.environ[ENV] = "1"
    return {"parallel_read_safe": True, "parallel_write_safe": True}

# ctl layer: files of src/ctl (see Makefile.am)

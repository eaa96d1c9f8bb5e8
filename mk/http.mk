# http layer: files of src/http (see Makefile.am)

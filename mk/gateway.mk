# gateway layer: files of src/gateway (see Makefile.am)

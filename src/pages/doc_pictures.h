#ifndef MALLPAY_PAGES_DOC_PICTURES_H
#define MALLPAY_PAGES_DOC_PICTURES_H

/*
 * The pictures of an upload on an admin review page (templates/
 * doc_pictures.tpl): each page drawn from the file (service/docrender.h)
 * fit to the width and linking to its full size, a <details> that zooms in
 * place without script, and the original as a download only.
 */

#include <stdint.h>

struct view_dict;

struct doc_pictures {
	const char	*key;		/* element ids: KEY-pictures,
					   KEY-page-N, KEY-download */
	int64_t		 file_id;	/* the upload (files.id) */
	int		 npages;	/* its pictures; 0: none drawn */
	const char	*mime;		/* the upload's type, or NULL */
	const char	*alt;		/* what it is, for the alt texts */
	const char	*download;	/* the original's download path, or
					   NULL: the page links it itself */
};

/* Fill include name of d with the pictures of p. */
void	doc_pictures_show(struct view_dict *d, const char *name,
	    const struct doc_pictures *p);

#endif

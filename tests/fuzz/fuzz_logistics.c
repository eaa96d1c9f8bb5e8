/*
 * libFuzzer harness: the logistics partner's event body
 * (service/logistics_events.c lg_event_parse). Input: the JSON body.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "service/logistics_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lg_event	 ev;
	const char	*field = NULL, *why = NULL;

	if (lg_event_parse((const char *)data, size, &ev, &field,
	    &why) == 0) {
		/* Every accepted event is NUL-terminated and typed. */
		if (lg_type_name(ev.type) == NULL || ev.order_id <= 0 ||
		    strlen(ev.event_id) == 0)
			__builtin_trap();
		/* The courier's name and phone come together or not at all. */
		if ((ev.courier_name[0] == '\0') !=
		    (ev.courier_phone[0] == '\0'))
			__builtin_trap();
	} else if (field == NULL || why == NULL)
		__builtin_trap();
	return 0;
}

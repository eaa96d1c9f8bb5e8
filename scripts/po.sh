#!/bin/sh
# The gettext chores of mk/i18n.mk.
#
#   po.sh update SRC TPL_STRINGS   extract SRC's texts into SRC/po/mallpay.pot and
#                                  merge it into every SRC/po/LANG.po
#   po.sh check SRC TPL_STRINGS    list what each language of SRC/po/LINGUAS does
#                                  not translate (from a fresh extraction); exit 1 then
#   po.sh glibc DIR                the glibc locales naming each language's
#                                  LC_MESSAGES under DIR, when the system lacks them
#
# Texts: _(), N_() and ngettext() in src/**/*.c and *.cc (A_() and NA_()
# there for the admin domain) (and the sentences of
# the rules' verdict_fail*() calls, translated by rules/verdict.c); {{_ text}} in templates
# (TPL_STRINGS, the build's po/tpl-strings).
#
# Two text domains: "mallpay" (po/, po/LINGUAS: the shopper and company
# pages and the C sources) and "mallpay-admin" (po/admin/, po/admin/LINGUAS:
# the admin console's templates, which speak English and Chinese only).
# The admin templates are those of ADMIN_TPL (as view/tpl_mark.c's
# tpl_domain()).
set -eu

ADMIN_TPL='admin_*.tpl *_admin*.tpl cod_user.tpl cod_users.tpl cod_fulfil.tpl'

# is_admin_tpl FILE: whether the template FILE belongs to the admin domain.
is_admin_tpl() {
	case ${1#templates/} in */*) return 1 ;; esac
	for pat in $ADMIN_TPL; do
		# shellcheck disable=SC2254
		case ${1#templates/} in $pat) return 0 ;; esac
	done
	return 1
}

# templates SRC DOMAIN: the templates of DOMAIN (mallpay, mallpay-admin).
templates() {
	(cd "$1" && find templates -name '*.tpl' | LC_ALL=C sort) | while read -r f; do
		if is_admin_tpl "$f"; then
			[ "$2" = mallpay-admin ] && echo "$f"
		else
			[ "$2" = mallpay ] && echo "$f"
		fi
		true
	done
}

# extract SRC TOOL OUT [DOMAIN]: the PO template of everything marked in SRC
# for DOMAIN (mallpay unless said).
extract() {
	src=$1 tool=$2 out=$3 dom=${4:-mallpay} etmp=$(mktemp -d)
	templates "$src" "$dom" > "$etmp/tpls"
	(cd "$src" && xargs "$tool") < "$etmp/tpls" > "$etmp/tpl.po"
	msguniq --force-po --sort-by-file -o "$etmp/tpl.pot" "$etmp/tpl.po"
	(cd "$src" && find src -name '*.c' -o -name '*.cc' | LC_ALL=C sort) > "$etmp/files"
	if [ "$dom" = mallpay-admin ]; then
		xgettext --force-po --from-code=UTF-8 -L C -k -kA_ -kNA_ \
			--add-comments=TRANSLATORS: --package-name=mallpay-admin --sort-by-file \
			-D "$src" -f "$etmp/files" -o "$etmp/c.pot"
		sed -i 's/charset=CHARSET/charset=UTF-8/' "$etmp/c.pot"
		msgcat --use-first --sort-by-file -o "$out" "$etmp/c.pot" "$etmp/tpl.pot"
		rm -rf "$etmp"
		return
	fi
	xgettext --force-po --from-code=UTF-8 -L C -k_ -kN_ -kngettext:1,2 -kpage_render:4 -kpage_render_free:4 -kpage_error:3 -kpage_result:3 -kpage_set_count:4,5 -kpage_notes:2 -kpage_notes:3 \
		-kverdict_fail:3 -kverdict_fail_money:5 -kverdict_fail_count:5 -kverdict_fail_date:4 -kverdict_fail_items:4 \
		--add-comments=TRANSLATORS: --package-name=mallpay --sort-by-file \
		-D "$src" -f "$etmp/files" -o "$etmp/c.pot"
	sed -i 's/charset=CHARSET/charset=UTF-8/' "$etmp/c.pot"
	msgcat --use-first --sort-by-file -o "$out" "$etmp/c.pot" "$etmp/tpl.pot"
	rm -rf "$etmp"
}

abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }

case ${1:-} in
update)
	src=$2 tool=$(abs "$3")
	for d in po:mallpay po/admin:mallpay-admin; do
		dir=$src/${d%%:*} dom=${d#*:}
		extract "$src" "$tool" "$dir/$dom.pot" "$dom"
		for l in $(cat "$dir/LINGUAS"); do
			msgmerge -q --update --backup=none --no-fuzzy-matching --sort-by-file \
				"$dir/$l.po" "$dir/$dom.pot"
		done
	done
	;;
check)
	src=$2 tool=$(abs "$3") tmp=$(mktemp -d) failed=
	trap 'rm -rf "$tmp"' EXIT
	for d in po:mallpay po/admin:mallpay-admin; do
		dir=$src/${d%%:*} dom=${d#*:}
		extract "$src" "$tool" "$tmp/$dom.pot" "$dom"
		for l in $(cat "$dir/LINGUAS"); do
			msgmerge -q --no-fuzzy-matching -o "$tmp/$l.po" "$dir/$l.po" "$tmp/$dom.pot"
			printf '%s %s: ' "$dom" "$l"
			msgfmt --check --statistics -o /dev/null "$tmp/$l.po" 2>&1
			msgattrib --no-wrap --untranslated --no-obsolete "$tmp/$l.po" > "$tmp/$l.missing"
			msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/$l.po" >> "$tmp/$l.missing"
			if grep -q '^msgid' "$tmp/$l.missing"; then
				echo "po-check: $dom $l misses (English is shown instead):"
				grep -E '^(#:|msgid)' "$tmp/$l.missing" | grep -v '^msgid ""$' | sed 's/^/  /'
				failed="$failed $dom:$l"
			fi
		done
	done
	if [ -n "$failed" ]; then
		echo "po-check: untranslated texts in:$failed (make update-po, then translate)" >&2
		exit 1
	fi
	echo "po-check: every language translates every text"
	;;
glibc)
	dir=$2
	for loc in zh_CN ar_SA ms_MY; do
		if locale -a 2>/dev/null | grep -qix "$loc.utf-\{0,1\}8"; then continue; fi
		mkdir -p "$dir"
		localedef -c -i "$loc" -f UTF-8 "$dir/$loc.UTF-8" 2>/dev/null || true
		[ -d "$dir/$loc.UTF-8/LC_MESSAGES" ] || {
			echo "po.sh: localedef could not make $loc.UTF-8" >&2; exit 1; }
	done
	;;
*)	echo "usage: po.sh update|check SRC TPL_STRINGS | glibc DIR" >&2; exit 2 ;;
esac

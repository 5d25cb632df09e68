#!/usr/bin/env bash
# Tries realistic mistakes of the gazette and procedure teams against the
# demo site, one at a time, and counts how many `minhbach check` catches.
#
#   bash bench/legal-mistakes.sh [OLD_BINARY]
#
# Each mistake edits one file of a fresh copy of the demo site (a Perl
# substitution) and runs check. Expectations:
#   error  check exits 1 with an error at the edited file
#   warn   check exits 0 with a warning at the edited file
#   same   check exits 0 with no diagnostic: the variant names the same
#          document (a dash or space pasted from Word)
#   fresh  a scaffold made by `minhbach new` (the argument is the new
#          command), filled with the Perl substitution, must fail check
# A mistyped number counts as "named" when the message names the number
# meant (the closest one of the site).
# With OLD_BINARY (for example a build of main before the change), the
# table shows what that binary did with the same mistakes.
set -euo pipefail
cd "$(dirname "$0")/.."
export MINHBACH_LANG=en # the checks below read "warning:"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/minhbach" ./cmd/minhbach
old=${1:-}

D61=content/gazette/documents/2026/61-2026-qd-ubnd.md # amends 39/2025/QĐ-UBND, issue 2026/49, order 3
D58=content/gazette/documents/2026/58-2026-qd-ubnd.md # replaces 07/2025/QĐ-UBND, order 2
ISS=content/gazette/issues/2026-so-49.md
P775=content/procedures/1.000775.md # published_by 2218/QĐ-UBND
CSV=content/procedures/danh-muc-tthc-2026.csv
JSON=content/procedures/danh-muc-bo-sung.json

# kind <TAB> expect <TAB> file <TAB> perl substitution <TAB> what [<TAB> the
# number the message should name, "did you mean"]
mistakes=$(cat <<EOF
key	error	$D61	s/^amends:/amend:/m	misspelt amends: amend
key	error	$D61	s/^amends:/repeal:/m	repeal: for repeals
key	error	$D58	s/^replaces:/replace:/m	misspelt replaces: replace
key	error	$D58	s/^based_on:/based on:/m	based on: with a space
key	error	$D58	s/^based_on:/basedon:/m	basedon: without the underscore
key	error	$D61	s/^effective:/efective:/m	misspelt effective
key	error	$D61	s/^effective:/ngay_hieu_luc:/m	Vietnamese key ngay_hieu_luc
key	error	$D61	s/^issue:/Issue:/m	capitalised Issue:
key	error	$D61	s/^order:/thu_tu:/m	Vietnamese key thu_tu
key	error	$D61	s/^doc_type:/doctype:/m	doctype without underscore
key	error	$D61	s/^field:/fields:/m	plural fields:
key	error	$D61	s/^---\n/---\nexpire: 2030-01-01\n/	expire: for expires
key	error	$D61	s/^---\n/---\nsuspend: ["39\/2025\/QĐ-UBND"]\n/	suspend: for suspends
key	error	$D61	s/^---\n/---\nattachment: [{file: x.pdf}]\n/	attachment: singular
key	error	$D61	s/external: true, title:/extenal: true, title:/	misspelt external inside a relation
key	error	$ISS	s/^date:/ngay:/m	issue: ngay: for date
key	error	$ISS	s/^---\n/---\npdf_file: pdf\/a.pdf\n/	issue: pdf_file: for pdf
key	error	$ISS	s/^year:/nam:/m	issue: nam: for year
key	error	$P775	s/^legal_basis:/legal_bases:/m	procedure: legal_bases:
key	error	$P775	s/^published_by:/publish_by:/m	procedure: publish_by:
key	error	$P775	s/^processing_time:/processing time:/m	procedure: processing time: with a space
key	error	$P775	s/^fee:/phi:/m	procedure: phi: for fee
key	error	$P775	s/copies:/copy:/	procedure: copy: in a dossier item
key	error	$CSV	s/,legal_basis,/,legal basis,/	CSV: header "legal basis"
key	error	$CSV	s/,published_by,/,publishedby,/	CSV: header "publishedby"
key	error	$CSV	s/,fee,/,phi,/	CSV: header "phi"
key	error	$JSON	s/"processing_time"/"processingTime"/	JSON: processingTime
key	error	$JSON	s/"agency"/"agencies"/	JSON: agencies
number	error	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QĐ-UBDN"/	UBDN for UBND	39/2025/QĐ-UBND
number	error	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2024\/QĐ-UBND"/	wrong year	39/2025/QĐ-UBND
number	error	$D61	s/"39\/2025\/QĐ-UBND"/"93\/2025\/QĐ-UBND"/	swapped digits	39/2025/QĐ-UBND
number	error	$D61	s/"39\/2025\/QĐ-UBND"/"39\/QĐ-UBND"/	year left out
number	error	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QĐ-UBNN"/	last letter doubled	39/2025/QĐ-UBND
number	error	$D58	s/"07\/2025\/QĐ-UBND"/"7\/2025\/QĐ-UBND"/	leading zero dropped	07/2025/QĐ-UBND
number	error	$D58	s/"07\/2025\/QĐ-UBND"/"07\/2025\/NQ-HĐND"/	wrong agency part
number	error	$P775	s/"2218\/QĐ-UBND"/"2281\/QĐ-UBND"/	procedure: published_by digits swapped	2218/QĐ-UBND
number	error	$CSV	s/,1835\/QĐ-UBND,/,1853\/QĐ-UBND,/	CSV: published_by digits swapped	1835/QĐ-UBND
same	same	$CSV	s/;46\/2025\/NQ-HĐND,/;46\/2025\/NQ-HDND,/	CSV: HDND typed without Đ
number	warn	$D61	s/  - "39\/2025\/QĐ-UBND"/  - {number: "39\/2025\/QĐ-UBDN", external: true, title: "x"}/	typo marked external (the old hint followed)	39/2025/QĐ-UBND
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QĐ–UBND"/	en dash from Word
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QĐ—UBND"/	em dash
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QĐ‑UBND"/	non-breaking hyphen
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QĐ−UBND"/	minus sign
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39 \/ 2025 \/ QĐ - UBND"/	spaces around separators
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/QÐ-UBND"/	Icelandic Ð for Đ
same	same	$D61	s/"39\/2025\/QĐ-UBND"/"39\/2025\/qd-ubnd"/	lower case without diacritics
same	same	$D61	s/^number: "61\/2026\/QĐ-UBND"/number: "61\/2026\/QĐ – UBND"/m	own number with spaced en dash
same	same	$P775	s/"2218\/QĐ-UBND"/"2218\/QĐ–UBND"/	procedure: en dash
order	error	$D61	s/^order: 3/order: 2/m	same order as another document of the issue
order	error	$D61	s/^order: 3/order: 0/m	order 0
fresh	fresh	issue 2026/50	s/^title:$/title: "Số 50"/m	issue scaffold, date not filled
fresh	fresh	document 62/2026/QĐ-UBND --issue 2026/50	s/^title: ""/title: "Quy định"/m	document scaffold, only title filled
fresh	fresh	document 63/2026/QĐ-UBND	s/^title: ""/title: "A"/m; s/^agency: ""/agency: "B"/m; s/^signer: ""/signer: "C"/m; s/^issued: ""/issued: 2026-11-20/m	document scaffold, field and doc_type not filled
fresh	fresh	procedure 1.000999	s/^title: ""/title: "Thủ tục"/m; s/^agency: ""/agency: "Sở"/m	procedure scaffold, half filled
EOF
)

# run BINARY EXPECT FILE EXPR [MEANT]: prints "caught", "caught+named"
# (the message names MEANT) or "missed".
run() {
	local bin=$1 expect=$2 file=$3 expr=$4 meant=${5:-} site="$tmp/site"
	rm -rf "$site" && mkdir "$site"
	git ls-files -z site.yaml content | xargs -0 cp --parents -t "$site"
	if [ "$expect" = fresh ]; then
		# shellcheck disable=SC2086
		local out
		out=$("$bin" new $file --source "$site" 2>/dev/null | sed -n 's/^created //p') || true
		[ -n "$out" ] || { echo missed; return; }
		file=$out
	fi
	perl -0pi -e "$expr" "$site/$file"
	if cmp -s "$site/$file" "content/${file#content/}" && [ "$expect" != fresh ]; then
		echo "unchanged"; return
	fi
	local err code=0
	err=$("$bin" check --source "$site" --build-date 2026-11-23 2>&1 >/dev/null) || code=$?
	local at_file=$(grep -c "^$file:" <<<"$err" || true)
	local warn_at=$(grep -c "^$file:[^ ]*: warning:" <<<"$err" || true)
	local r=missed
	case $expect in
	error | fresh) [ "$code" = 1 ] && [ "$((at_file - warn_at))" -gt 0 ] && r=caught ;;
	warn) [ "$code" = 0 ] && [ "$warn_at" -gt 0 ] && r=caught ;;
	same) [ "$code" = 0 ] && [ -z "$err" ] && r=caught ;;
	esac
	if [ "$r" = caught ] && [ -n "$meant" ] && grep "^$file:" <<<"$err" | grep -qF "\"$meant\""; then
		r=caught+named
	fi
	echo $r
}

declare -A tried caught named oldcaught oldnamed
printf '%-7s %-6s %-13s %s\n' kind want result "mistake${old:+ (old binary)}"
while IFS=$'\t' read -r kind expect file expr what meant; do
	r=$(run "$tmp/minhbach" "$expect" "$file" "$expr" "$meant")
	tried[$kind]=$((${tried[$kind]:-0} + 1))
	[[ $r == caught* ]] && caught[$kind]=$((${caught[$kind]:-0} + 1))
	[ "$r" = caught+named ] && named[$kind]=$((${named[$kind]:-0} + 1))
	o=""
	if [ -n "$old" ]; then
		o=$(run "$old" "$expect" "$file" "$expr" "$meant")
		[[ $o == caught* ]] && oldcaught[$kind]=$((${oldcaught[$kind]:-0} + 1))
		[ "$o" = caught+named ] && oldnamed[$kind]=$((${oldnamed[$kind]:-0} + 1))
		o=" (old: $o)"
	fi
	printf '%-7s %-6s %-13s %s%s\n' "$kind" "$expect" "$r" "$what" "$o"
done <<<"$mistakes"

echo
for kind in key number same order fresh; do
	printf '%-7s %2d tried, %2d caught' "$kind" "${tried[$kind]:-0}" "${caught[$kind]:-0}"
	[ "$kind" = number ] && printf ', %d named the number meant' "${named[$kind]:-0}"
	[ -n "$old" ] && printf ' (old binary: %d caught' "${oldcaught[$kind]:-0}"
	[ -n "$old" ] && [ "$kind" = number ] && printf ', %d named' "${oldnamed[$kind]:-0}"
	[ -n "$old" ] && printf ')'
	echo
done

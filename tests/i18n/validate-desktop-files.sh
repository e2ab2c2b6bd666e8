#!/bin/sh
# Validates the desktop entry and the AppStream metadata with the freedesktop
# tools, and checks that both carry their French texts. Exit 77 (skip) when
# the tools are missing: tools/install-deps.sh installs them.
set -u
resources=$1
desktop=$resources/org.passerelle.Passerelle.desktop
metainfo=$resources/org.passerelle.Passerelle.metainfo.xml
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (tools/install-deps.sh)"
        exit 77
    fi
done
status=0
desktop-file-validate "$desktop" || status=1
appstreamcli validate --no-net --explain "$metainfo" || status=1
for key in 'Name\[fr\]' 'GenericName\[fr\]' 'Comment\[fr\]' 'Keywords\[fr\]'; do
    grep -q "^$key=." "$desktop" || { echo "FAIL: $desktop has no $key"; status=1; }
done
for tag in name summary p li; do
    grep -q "<$tag xml:lang=\"fr\">" "$metainfo" || { echo "FAIL: $metainfo has no French <$tag>"; status=1; }
done
grep -q '^Icon=org.passerelle.Passerelle$' "$desktop" || { echo "FAIL: Icon is not org.passerelle.Passerelle"; status=1; }
[ -f "$resources/icons/org.passerelle.Passerelle.svg" ] || { echo "FAIL: the scalable icon is missing"; status=1; }
[ $status -eq 0 ] && echo "PASS: desktop entry and metainfo are valid and translated"
exit $status

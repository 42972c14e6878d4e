#!/usr/bin/env bash
# 빌드된 책 페이지를 헤드리스 Chromium으로 찍어 PNG로 저장합니다 (사람이 눈으로 확인하는 용도).
# 사용법: bash scripts/screenshot.sh OUT_DIR _build/html/chapters/*.html
# 필요: Debian의 chromium과 한글 글꼴 (apt-get install -y chromium fonts-nanum)
set -eu
out=$1; shift
mkdir -p "$out"
command -v chromium >/dev/null || { echo "chromium이 없습니다: apt-get install -y chromium fonts-nanum" >&2; exit 1; }
fc-list :lang=ko 2>/dev/null | grep -q . || echo "경고: 한글 글꼴이 없어 본문이 네모로 보입니다 (apt-get install -y fonts-nanum)" >&2
for page in "$@"; do
  name=$(basename "${page%.html}")
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1280,"${SHOT_HEIGHT:-6000}" \
    --virtual-time-budget=6000 --screenshot="$out/$name.png" "file://$(readlink -f "$page")" \
    >/dev/null 2>&1 || echo "실패: $page" >&2
  rm -rf "$profile"
  [ -f "$out/$name.png" ] && echo "$out/$name.png"
done

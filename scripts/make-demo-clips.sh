#!/usr/bin/env bash
# Regenerates the embedded demo clips in assets/demo/*.flv (our own synthetic media, committed).
#
# Usage: scripts/make-demo-clips.sh            (from anywhere; writes next to this repo's assets/)
# Needs: ffmpeg with libx264 and drawtext (Debian 12: apt ffmpeg 5.1, fonts-dejavu-core).
#
# Every clip: 640x360 @ 25 fps, 12 s (300 frames), H.264 baseline yuv420p, no audio, FLV,
# a keyframe every 25 frames (1 s), ~180 kbit/s. Each has a large running clock (the clip's own
# time, seconds with tenths) and a sweeping bar, so a frozen tile is obvious at a glance; each
# has its own source and hue, so neighbouring tiles are told apart. No site names are drawn:
# the tile overlay shows them.
#
# Determinism: fixed seeds for the random sources (life, cellauto, gradients), one encoder
# thread, bitexact muxing and no metadata, so the same ffmpeg/x264 build gives identical
# bytes. No duration/filesize in onMetaData (-flvflags no_duration_filesize): the app streams
# these as endless live feeds, and a player must not take a 12 s duration from the metadata.
# The bar's period (4 s) divides the clip length, so it joins cleanly when a clip loops.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="${here}/../assets/demo"
mkdir -p "${out_dir}"

font=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf
if [[ ! -f "${font}" ]]; then
  echo "missing font ${font} (apt install fonts-dejavu-core)" >&2
  exit 1
fi

W=640
H=360
FPS=25
SECONDS_LONG=12

# The clock, e.g. "07.3": seconds (two digits) and tenths of the clip's running time.
clock="drawtext=fontfile=${font}:fontsize=84:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=14"
clock+=":x=(w-text_w)/2:y=h*0.22:text='%{eif\:t\:d\:2}.%{eif\:mod(t*10\,10)\:d}'"

# A 24 px bar sweeping left to right once every 4 s, over the whole height.
# $1 = bar colour (ffmpeg colour syntax).
sweep() {
  echo "color=c=$1:s=24x${H}:r=${FPS},format=yuva420p[bar];[bg][bar]overlay=x='(W+24)*mod(t\,4)/4-24':y=0:shortest=1"
}

# $1 = clip name, $2 = filtergraph producing [bg] (640x360 @ 25 fps), $3 = bar colour.
make_clip() {
  local name=$1 source=$2 bar=$3
  local graph="${source},format=yuv420p[bg];$(sweep "${bar}"),${clock},format=yuv420p[v]"
  ffmpeg -hide_banner -loglevel error -y \
    -filter_complex "${graph}" -map '[v]' \
    -t "${SECONDS_LONG}" -an \
    -c:v libx264 -profile:v baseline -preset slow -threads 1 \
    -b:v 180k -maxrate 220k -bufsize 360k \
    -g "${FPS}" -keyint_min "${FPS}" -sc_threshold 0 -pix_fmt yuv420p \
    -fflags +bitexact -flags:v +bitexact -map_metadata -1 -flvflags no_duration_filesize \
    -f flv "${out_dir}/${name}.flv"
  echo "${name}.flv $(stat -c %s "${out_dir}/${name}.flv") bytes"
}

S="s=${W}x${H}"

# 1: the classic moving test pattern (it has its own small timecode top-left).
make_clip clip-1 "testsrc2=${S}:r=${FPS}" 'white@0.6'
# 2: SMPTE HD bars, hue-rotated by 30 degrees.
make_clip clip-2 "smptehdbars=${S}:r=${FPS},hue=h=30" 'black@0.6'
# 3: a slowly zooming Mandelbrot set, blue-violet.
make_clip clip-3 "mandelbrot=${S}:r=${FPS}:maxiter=400:start_scale=3:end_scale=0.6:outer=normalized_iteration_count,hue=h=200" 'white@0.5'
# 4: Conway's life in green, big cells (computed small, scaled up without smoothing).
make_clip clip-4 "life=s=160x90:r=${FPS}:seed=7:ratio=0.2:mold=8:life_color=#40ff80:death_color=#103020:mold_color=#204830,scale=${W}:${H}:flags=neighbor" 'yellow@0.6'
# 5: cellular automaton rule 110, amber on dark brown.
make_clip clip-5 "cellauto=s=160x90:r=${FPS}:rule=110:random_fill_ratio=0.5:random_seed=11:scroll=1,scale=${W}:${H}:flags=neighbor,format=rgb24,colorchannelmixer=rr=0.9:rg=0:rb=0:gr=0.55:gg=0:gb=0:br=0.1:bg=0:bb=0,lutrgb=r='val*0.9+20':g='val*0.9+14':b='val+10'" 'cyan@0.6'
# 6: drifting colour gradients, pink and teal.
make_clip clip-6 "gradients=${S}:r=${FPS}:c0=#ff3c8c:c1=#1ec8b4:c2=#283c78:nb_colors=3:speed=0.02:seed=5" 'white@0.6'
# 7: a ball bouncing across a dark red room.
make_clip clip-7 "color=c=#501418:${S}:r=${FPS}[room];color=c=#ffd23c:s=72x72:r=${FPS},format=yuva420p,geq=lum='lum(X,Y)':cb='cb(X,Y)':cr='cr(X,Y)':a='if(lte(hypot(X-36,Y-36),34),255,0)'[ball];[room][ball]overlay=x='(W-w)*abs(mod(t/3\,2)-1)':y='(H-h)*(1-abs(sin(PI*t/1.5)))':shortest=1" 'white@0.4'
# 8: a Sierpinski carpet panning, lavender on deep purple.
make_clip clip-8 "sierpinski=${S}:r=${FPS}:seed=3:jump=40:type=carpet,format=rgb24,lutrgb=r='val*0.7+40':g='val*0.5+10':b='val*0.75+60'" 'yellow@0.5'

du -ch "${out_dir}"/*.flv | tail -n 1

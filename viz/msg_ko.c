/* msg_ko.c: the command line's and the engine's messages in Korean (see msg.h).
 *
 * Each entry: the English printf format exactly as the code writes it, and its Korean, where
 * {1} … {16} stand for the format's conversions in their English order: {k} as it is (a file
 * name, a number, what the user typed), {tk} said in Korean when it is a word of this catalog or
 * a system reason. "%%" is a percent sign. Help texts and words (N_, msg_text) are translated
 * whole and keep their printf conversions. tests/test_msg.c scans the sources for every format
 * and fails on one missing here, on one here no code uses, and on a translation whose {k} do not
 * match its format's conversions.
 *
 * The words are the course notes' (7주차 AlexNet): 특성 맵, 합성곱, 커널, 필터, 스트라이드,
 * 패딩, 풀링 / 최대 풀링, 활성화 함수, 완전 연결층, 정규화, 채널, 타워; a message names the
 * file first, then what is wrong ("{1}: 열 수 없습니다: {t2}"); plain polite written Korean.
 */
#include "msg.h"

typedef struct {
    const char *en, *ko;
} msg_pair;

const msg_pair msg_ko[] = {
    /* net/file.c: reading and writing files */
    {"no file name given", "파일 이름이 주어지지 않았습니다"},
    {"%s: cannot open: %s", "{1}: 열 수 없습니다: {t2}"},
    {"%s: %s, not a regular file", "{1}: 일반 파일이 아니라 {t2}입니다"},
    {"%s: %s", "{1}: {t2}"},
    {"%s: became %s while being opened", "{1}: 여는 사이에 바뀌었습니다: 이제 {t2}입니다"},
    {"%s: %s bytes; at most %s are read", "{1}: {2}바이트입니다. 최대 {3}바이트까지 읽습니다"},
    {"%s: out of memory for %zu bytes", "{1}: {2}바이트를 담을 메모리가 부족합니다"},
    {"%s: read failed: %s", "{1}: 읽지 못했습니다: {t2}"},
    {"%s: the file shrank from %zu to %zu bytes while being read",
     "{1}: 읽는 사이에 파일이 {2}바이트에서 {3}바이트로 줄었습니다"},
    {"%s: %s is there; alexviz replaces only files",
     "{1}: 그 자리에 있는 것은 {t2}입니다. alexviz는 파일만 바꿉니다"},
    {"%s: names a folder, not a file", "{1}: 파일이 아니라 폴더 이름입니다"},
    {"%s: no bytes given", "{1}: 쓸 내용이 주어지지 않았습니다"},
    {"%s: already exists", "{1}: 이미 있습니다"},
    {"%s: cannot create a file in its folder: %s", "{1}: 그 폴더에 파일을 만들 수 없습니다: {t2}"},
    {"%s: write failed: %s", "{1}: 쓰지 못했습니다: {t2}"},
    {"%s: cannot put the file in place: %s", "{1}: 파일을 제자리에 놓을 수 없습니다: {t2}"},
    {"a folder", "폴더"},
    {"a named pipe (FIFO)", "이름 있는 파이프(FIFO)"},
    {"a character device", "문자 장치"},
    {"a block device", "블록 장치"},
    {"a socket", "소켓"},
    {"a symbolic link", "심볼릭 링크"},
    {"not a regular file", "특수 파일"},

    /* net/photo.c, net/photo_child.c: decoding photos */
    {"%s: the %s header claims %llu×%llu = %s pixels; at most %s are decoded",
     "{1}: {2} 헤더에 따르면 {3}×{4} = {5}픽셀입니다. 최대 {6}픽셀까지 디코딩합니다"},
    {"%s: the %s header claims a %llu×%llu picture",
     "{1}: {2} 헤더에 적힌 그림 크기가 {3}×{4}입니다"},
    {"%s: decoding this %llu×%llu %s would take %.0f MB; at most %lld MB are used",
     "{1}: 이 {2}×{3} {4} 그림을 디코딩하려면 {5} MB가 필요합니다. 최대 {6} MB까지만 씁니다"},
    {"%s: the JPEG header says %u×%u but libjpeg decodes %d×%d×%d",
     "{1}: JPEG 헤더에는 {2}×{3}인데 libjpeg의 디코딩 결과는 {4}×{5}×{6}입니다"},
    {"%s: out of memory for a %d×%d picture", "{1}: {2}×{3} 그림을 담을 메모리가 부족합니다"},
    {"%s: out of memory", "{1}: 메모리가 부족합니다"},
    {"%s: a progressive JPEG of %d scans over %lld blocks: more work than any photo (at "
     "most %d scans, %lld million block-scans)",
     "{1}: 블록 {3}개를 {2}번 스캔하는 프로그레시브 JPEG입니다. 어떤 사진보다도 일이 "
     "많습니다 (최대 {4}번 스캔, 블록 스캔 {5}백만 번)"},
    {"%s: corrupt JPEG: a progressive scan refines coefficients no earlier scan began",
     "{1}: 손상된 JPEG: 프로그레시브 스캔이 앞선 스캔에서 시작하지 않은 계수를 다듬습니다"},
    {"%s: decoding this JPEG would take more than %lld MB",
     "{1}: 이 JPEG을 디코딩하려면 {2} MB보다 많이 필요합니다"},
    {"%s: truncated JPEG: the file ends inside its headers (%zu bytes)",
     "{1}: 잘린 JPEG: 헤더 중간에서 파일이 끝납니다 ({2}바이트)"},
    {"%s: a JPEG of %d bits a sample, which alexviz does not read (it reads 8-bit JPEGs)",
     "{1}: 샘플당 {2}비트인 JPEG은 alexviz가 읽지 못합니다 (8비트 JPEG만 읽습니다)"},
    {"%s: a kind of JPEG alexviz does not read (%s; libjpeg)",
     "{1}: alexviz가 읽지 못하는 종류의 JPEG입니다 ({2}; libjpeg)"},
    {"%s: corrupt JPEG: %s (libjpeg)", "{1}: 손상된 JPEG: {2} (libjpeg)"},
    {"%s: truncated JPEG: the %d×%d picture needs more than the file's %zu bytes",
     "{1}: 잘린 JPEG: {2}×{3} 그림에는 파일의 {4}바이트보다 많은 데이터가 필요합니다"},
    {"%s: corrupt JPEG: the %d×%d picture's data stops before its last row (a marker in "
     "the middle, or a file cut and closed)",
     "{1}: 손상된 JPEG: {2}×{3} 그림의 데이터가 마지막 행 전에 끝납니다 (중간에 마커가 "
     "있거나, 잘린 파일입니다)"},
    {"%s: libpng decodes %d channels of %d bits where %d of 8 were expected",
     "{1}: libpng가 {3}비트 채널 {2}개로 디코딩합니다. 8비트 채널 {4}개여야 합니다"},
    {"%s: out of memory for a %u×%u picture", "{1}: {2}×{3} 그림을 담을 메모리가 부족합니다"},
    {"%s: truncated PNG: the picture needs more than the file's %zu bytes",
     "{1}: 잘린 PNG: 그림에는 파일의 {2}바이트보다 많은 데이터가 필요합니다"},
    {"%s: decoding this PNG would take too much memory (%s)",
     "{1}: 이 PNG를 디코딩하려면 메모리가 너무 많이 필요합니다 ({2})"},
    {"%s: corrupt PNG: %s (libpng)", "{1}: 손상된 PNG: {2} (libpng)"},
    {"%s: %s GIF: %s (giflib)", "{1}: {t2} GIF: {3} (giflib)"},
    {"truncated", "잘린"},
    {"corrupt", "손상된"},
    {"%s: corrupt GIF: its first image has no colour table",
     "{1}: 손상된 GIF: 첫 이미지에 색상표가 없습니다"},
    {"%s: corrupt GIF: a %lld×%lld frame", "{1}: 손상된 GIF: 프레임 크기가 {2}×{3}입니다"},
    {"%s: out of memory for a %zu×%zu GIF", "{1}: {2}×{3} GIF를 담을 메모리가 부족합니다"},
    {"%s: corrupt GIF: it holds no image", "{1}: 손상된 GIF: 이미지가 하나도 없습니다"},
    {"%s: truncated BMP: the file ends inside its header (%zu bytes)",
     "{1}: 잘린 BMP: 헤더 중간에서 파일이 끝납니다 ({2}바이트)"},
    {"%s: a BMP with a %u-byte header, which alexviz does not read (save it as PNG or JPEG)",
     "{1}: 헤더가 {2}바이트인 BMP는 alexviz가 읽지 못합니다 (PNG나 JPEG으로 저장하세요)"},
    {"%s: an OS/2 1.x BMP with a palette (%d bits a pixel), which alexviz does not read "
     "(save it as PNG)",
     "{1}: 팔레트를 쓰는 OS/2 1.x BMP(픽셀당 {2}비트)는 alexviz가 읽지 못합니다 (PNG로 "
     "저장하세요)"},
    {"%s: a run-length compressed (RLE) BMP, which alexviz does not read (save it "
     "uncompressed, or as PNG)",
     "{1}: 런 렝스 압축(RLE) BMP는 alexviz가 읽지 못합니다 (압축하지 않은 BMP나 PNG로 "
     "저장하세요)"},
    {"%s: a BMP with compression type %u, which alexviz does not read (save it as PNG or JPEG)",
     "{1}: 압축 방식이 {2}인 BMP는 alexviz가 읽지 못합니다 (PNG나 JPEG으로 저장하세요)"},
    {"%s: corrupt BMP: bit fields with %d bits per pixel",
     "{1}: 손상된 BMP: 픽셀당 {2}비트인데 비트 필드를 씁니다"},
    {"%s: corrupt BMP: %d bits per pixel", "{1}: 손상된 BMP: 픽셀당 {2}비트"},
    {"%s: corrupt BMP: a width of %lld", "{1}: 손상된 BMP: 너비가 {2}입니다"},
    {"%s: truncated BMP: the %lld×%lld picture needs %llu bytes of pixels, the file has "
     "%zu after its headers",
     "{1}: 잘린 BMP: {2}×{3} 그림에는 픽셀 데이터 {4}바이트가 필요한데 헤더 뒤에 "
     "{5}바이트뿐입니다"},
    {"%s: corrupt PNM header: expected the %s as a number",
     "{1}: 손상된 PNM 헤더: {t2} 자리에 숫자가 있어야 합니다"},
    {"width", "너비"},
    {"height", "높이"},
    {"maxval", "최댓값(maxval)"},
    {"%s: corrupt PNM header: maxval %lld; expected 1 to 65535",
     "{1}: 손상된 PNM 헤더: maxval {2}: 1에서 65535 사이여야 합니다"},
    {"%s: the PNM header claims a %lld×%lld picture",
     "{1}: PNM 헤더에 적힌 그림 크기가 {2}×{3}입니다"},
    {"%s: truncated PNM: the %lld×%lld picture needs %llu bytes of pixels, the file has %zu",
     "{1}: 잘린 PNM: {2}×{3} 그림에는 픽셀 데이터 {4}바이트가 필요한데 파일에는 "
     "{5}바이트뿐입니다"},
    {"%s: %zu bytes; at most %d are decoded",
     "{1}: {2}바이트입니다. 최대 {3}바이트까지 디코딩합니다"},
    {"%s: out of memory decoding a %lld×%lld %s",
     "{1}: {2}×{3} {4} 그림을 디코딩할 메모리가 부족합니다"},
    {"%s: truncated %s: the %lld×%lld picture needs more than the file's %zu bytes",
     "{1}: 잘린 {2}: {3}×{4} 그림에는 파일의 {5}바이트보다 많은 데이터가 필요합니다"},
    {"%s: corrupt %s: %s (stb_image)", "{1}: 손상된 {2}: {t3} (stb_image)"},
    {"no reason given", "이유를 알 수 없음"},
    {"%s: the %s header says %lld×%lld but %d×%d×%d was decoded",
     "{1}: {2} 헤더에는 {3}×{4}인데 디코딩 결과는 {5}×{6}×{7}입니다"},
    {"%s: not an image (alexviz reads JPEG, PNG, BMP, GIF, binary PNM and .npy)",
     "{1}: 이미지가 아닙니다 (alexviz는 JPEG, PNG, BMP, GIF, 바이너리 PNM, .npy를 읽습니다)"},
    {"%s: %s; alexviz reads JPEG, PNG, BMP, GIF, binary PNM and .npy",
     "{1}: {t2}입니다. alexviz는 JPEG, PNG, BMP, GIF, 바이너리 PNM, .npy를 읽습니다"},
    {"%s: a %d×%d image is more elongated than %d:1",
     "{1}: {2}×{3} 이미지는 가로세로 비가 {4}:1보다 더 길쭉합니다"},
    {"%s: out of memory resizing a %d×%d image",
     "{1}: {2}×{3} 이미지의 크기를 바꿀 메모리가 부족합니다"},
    {"%s: out of memory for the crop", "{1}: 가운데를 잘라 낼 메모리가 부족합니다"},
    {"an ASCII PBM bitmap", "ASCII PBM 비트맵"},
    {"an ASCII PGM image", "ASCII PGM 이미지"},
    {"an ASCII PPM image", "ASCII PPM 이미지"},
    {"a binary PBM bitmap (1 bit per pixel)", "바이너리 PBM 비트맵(픽셀당 1비트)"},
    {"a PAM image", "PAM 이미지"},
    {"a PFM (floating-point) image", "PFM(부동소수점) 이미지"},
    {"a TIFF image (or a camera raw file)", "TIFF 이미지(또는 카메라 RAW 파일)"},
    {"an OS/2 bitmap array", "OS/2 비트맵 배열"},
    {"an MNG animation", "MNG 애니메이션"},
    {"a JPEG 2000 image", "JPEG 2000 이미지"},
    {"a JPEG 2000 codestream", "JPEG 2000 코드스트림"},
    {"a JPEG XL image", "JPEG XL 이미지"},
    {"a Photoshop PSD document", "포토샵 PSD 문서"},
    {"a Radiance HDR image", "Radiance HDR 이미지"},
    {"a Softimage PIC image", "Softimage PIC 이미지"},
    {"an OpenEXR image", "OpenEXR 이미지"},
    {"a QOI image", "QOI 이미지"},
    {"a DirectDraw DDS texture", "DirectDraw DDS 텍스처"},
    {"a GIMP XCF document", "GIMP XCF 문서"},
    {"a BPG image", "BPG 이미지"},
    {"a PDF document", "PDF 문서"},
    {"a ZIP archive (an .npz? alexviz reads .npy, from np.save)",
     "ZIP 압축 파일(.npz인가요? alexviz는 np.save로 저장한 .npy를 읽습니다)"},
    {"a gzip archive", "gzip 압축 파일"},
    {"a HEIC photo", "HEIC 사진"},
    {"a HEIF image sequence", "HEIF 이미지 시퀀스"},
    {"a HEIF image", "HEIF 이미지"},
    {"an AVIF image", "AVIF 이미지"},
    {"an AVIF sequence", "AVIF 시퀀스"},
    {"a Canon raw photo", "캐논 RAW 사진"},
    {"a QuickTime video", "QuickTime 동영상"},
    {"an ICO icon", "ICO 아이콘"},
    {"a CUR cursor", "CUR 커서"},
    {"a WebP image", "WebP 이미지"},
    {"a TGA image", "TGA 이미지"},
    {"a video (an MP4 or similar)", "동영상(MP4 등)"},
    {"a text file", "텍스트 파일"},
    {"an SVG drawing (or other XML)", "SVG 그림(또는 다른 XML 문서)"},
    {"a web page (HTML)", "웹 페이지(HTML)"},
    {"out of memory", "메모리가 부족합니다"},
    {"%s: cannot start the decoder: %s", "{1}: 디코더를 시작할 수 없습니다: {t2}"},
    {"%s: could not be decoded: the decoder program %s could not start (exit status %d)",
     "{1}: 디코딩하지 못했습니다: 디코더 프로그램 {2}을(를) 시작하지 못했습니다 (종료 코드 {3})"},
    {"%s: could not be decoded: the decoder took too long (more than %d s)",
     "{1}: 디코딩하지 못했습니다: 디코더가 너무 오래 걸렸습니다 ({2}초 넘게)"},
    {"%s: could not be decoded: the decoder needed too much memory (more than %lld MB)",
     "{1}: 디코딩하지 못했습니다: 디코더가 메모리를 너무 많이 썼습니다 ({2} MB 넘게)"},
    {"%s: could not be decoded: the decoder was killed (%s; out of memory?)",
     "{1}: 디코딩하지 못했습니다: 디코더가 강제로 종료되었습니다 ({2}; 메모리 부족?)"},
    {"%s: could not be decoded: the decoder crashed (%s)",
     "{1}: 디코딩하지 못했습니다: 디코더가 비정상 종료되었습니다 ({2})"},

    /* net/input.c: the network's input */
    {"%s: no input or preprocessing given", "{1}: 입력도 전처리 설정도 주어지지 않았습니다"},
    {"%s: input size %d; expected 1..4096", "{1}: 입력 크기 {2}: 1..4096이어야 합니다"},
    {"%s: resize %d; expected 1..4096", "{1}: 크기 조정 값 {2}: 1..4096이어야 합니다"},
    {"%s: pixel scale %g; expected a finite nonzero number",
     "{1}: 픽셀 배율 {2}: 0이 아닌 유한한 수여야 합니다"},
    {"%s: mean of channel %d is not finite", "{1}: 채널 {2}의 평균이 유한한 수가 아닙니다"},
    {"%s: out of memory for a %d×%d input", "{1}: {2}×{3} 입력을 담을 메모리가 부족합니다"},
    {"%s: shape %s; expected (3, %d, %d) or (1, 3, %d, %d) for a %d×%d input",
     "{1}: 모양이 {2}입니다. {7}×{8} 입력이면 (3, {3}, {4}) 또는 (1, 3, {5}, {6})이어야 합니다"},
    {"%s: element %zu is %s; the input must be finite",
     "{1}: 원소 [{2}]의 값이 {t3}입니다. 입력은 유한한 값이어야 합니다"},
    {"%s: empty file", "{1}: 빈 파일입니다"},

    /* net/npy.c: .npy files */
    {"%s: nowhere to put the tensor", "{1}: 텐서를 담을 곳이 주어지지 않았습니다"},
    {"%s: not a .npy file (it does not start with \\x93NUMPY)",
     "{1}: .npy 파일이 아닙니다 (\\x93NUMPY로 시작하지 않습니다)"},
    {"%s: truncated .npy header (%zu bytes)", "{1}: .npy 헤더가 잘렸습니다 ({2}바이트)"},
    {"%s: .npy format version %d.%d; expected 1.0, 2.0 or 3.0",
     "{1}: .npy 형식 버전 {2}.{3}: 1.0, 2.0, 3.0 중 하나여야 합니다"},
    {"%s: a .npy header of %zu bytes; at most %d expected",
     "{1}: .npy 헤더가 {2}바이트입니다. 최대 {3}바이트까지 받습니다"},
    {"%s: truncated .npy header: it claims %zu bytes, the file has %zu after the preamble",
     "{1}: .npy 헤더가 잘렸습니다: 헤더 길이는 {2}바이트라고 하는데 파일에는 머리말 "
     "뒤에 {3}바이트뿐입니다"},
    {"%s: malformed .npy header: %s", "{1}: .npy 헤더 형식이 잘못되었습니다: {t2}"},
    {"%s: dtype '%s' (%s); expected '<f4' (float32, little-endian)",
     "{1}: dtype '{2}'({t3}): '<f4'(float32, 리틀 엔디언)여야 합니다"},
    {"%s: Fortran (column-major) order; expected C order (save np.ascontiguousarray(x))",
     "{1}: Fortran 순서(열 우선)입니다. C 순서여야 합니다 (np.ascontiguousarray(x)를 "
     "저장하세요)"},
    {"%s: shape %s has %d dimensions; expected 1 to 4",
     "{1}: 모양 {2}: {3}차원입니다. 1~4차원이어야 합니다"},
    {"%s: shape %s holds no numbers", "{1}: 모양 {2}: 숫자가 하나도 없습니다"},
    {"%s: shape %s is more than %lld floats", "{1}: 모양 {2}: float가 {3}개를 넘습니다"},
    {"%s: truncated: shape %s needs %zu bytes of data, the file has %zu",
     "{1}: 잘린 파일입니다: 모양 {2}에는 데이터 {3}바이트가 필요한데 파일에는 "
     "{4}바이트뿐입니다"},
    {"%s: %zu bytes of data where shape %s needs %zu",
     "{1}: 데이터가 {2}바이트입니다. 모양 {3}에는 {4}바이트가 필요합니다"},
    {"%s: out of memory for shape %s", "{1}: 모양 {2}의 텐서를 담을 메모리가 부족합니다"},
    {"%s: %d dimensions; expected 1 to 4 and some data",
     "{1}: {2}차원입니다. 1~4차원이고 데이터가 있어야 합니다"},
    {"%s: dimension %d is %d; expected at least 1",
     "{1}: {2}번 차원이 {3}입니다. 1 이상이어야 합니다"},
    {"%s: more than %lld floats", "{1}: float가 {2}개를 넘습니다"},
    {"expected '{'", "'{'가 있어야 합니다"},
    {"expected a quoted key", "따옴표로 감싼 키가 있어야 합니다"},
    {"expected ':' after a key", "키 뒤에 ':'가 있어야 합니다"},
    {"'descr' is not a plain type string", "'descr'이 단순한 형식 문자열이 아닙니다"},
    {"'fortran_order' is neither True nor False", "'fortran_order'가 True도 False도 아닙니다"},
    {"'shape' is not a tuple of up to 8 whole numbers",
     "'shape'가 정수 8개 이하의 튜플이 아닙니다"},
    {"a key other than descr, fortran_order and shape",
     "descr, fortran_order, shape가 아닌 키가 있습니다"},
    {"expected ',' or '}'", "',' 또는 '}'가 있어야 합니다"},
    {"text after the closing '}'", "닫는 '}' 뒤에 글자가 더 있습니다"},
    {"descr, fortran_order or shape is missing",
     "descr, fortran_order, shape 가운데 빠진 것이 있습니다"},
    {"not a plain number type", "단순한 숫자 형식이 아님"},

    /* net/table.c, net/net.c, net/lrn_apply.c: the stage table and the forward pass */
    {"width of layer %d is %d; expected 1..65536",
     "{1}층의 너비가 {2}입니다. 1..65536이어야 합니다"},
    {"conv%d has %d channels; the two towers need an even number",
     "conv{1}의 채널이 {2}개입니다. 두 타워로 나누려면 짝수여야 합니다"},
    {"input size %d; expected 227 or 224 (at least 11)",
     "입력 크기 {1}: 227 또는 224여야 합니다 (최소 11)"},
    {"LRN n=%d k=%g alpha=%g beta=%g; expected n ≥ 1, k > 0, alpha ≥ 0, beta > 0",
     "LRN n={1} k={2} α={3} β={4}: n ≥ 1, k > 0, α ≥ 0, β > 0이어야 합니다"},
    {"%s: a %d×%d kernel does not fit a %d×%d input (with padding %d)",
     "{1}: {2}×{3} 커널이 {4}×{5} 입력에 들어가지 않습니다 (패딩 {6})"},
    {"%s: %d input channels do not split into %d groups",
     "{1}: 입력 채널 {2}개를 그룹 {3}개로 나눌 수 없습니다"},
    {"conv", "합성곱"},
    {"relu", "ReLU"},
    {"lrn", "LRN"},
    {"maxpool", "최대 풀링"},
    {"fc", "완전 연결"},
    {"dropout", "드롭아웃"},
    {"softmax", "소프트맥스"},
    {"subsample", "서브샘플링"},
    {"ten crops of side %d from a %d×%d square",
     "{2}×{3} 정사각형에서 한 변 {1}인 조각 열 개를 자를 수 없습니다"},
    {"out of memory for ten %d×%d patches", "{1}×{2} 조각 열 개를 담을 메모리가 부족합니다"},
    {"stopped after %d of %d patches", "조각 {2}개 중 {1}개 뒤에 멈췄습니다"},
    {"rbf", "RBF"},
    {"out of memory for the net", "네트워크를 담을 메모리가 부족합니다"},
    {"a network of this size needs %zu MB of activations; at most %d MB are allowed",
     "이 크기의 네트워크는 활성값에 {1} MB가 필요합니다. 최대 {2} MB까지 허용합니다"},
    {"out of memory: %zu MB of parameters, %zu MB of activations",
     "메모리가 부족합니다: 파라미터 {1} MB, 활성값 {2} MB"},
    {"net_forward: no input", "net_forward: 입력이 없습니다"},
    {"stopped after %s", "{1} 다음에서 멈췄습니다"},
    {"net_lrn_apply: %s is not an LRN stage", "net_lrn_apply: LRN 단계가 아닙니다: {1}"},
    {"(null)", "(null)"},
    {"%s: LRN n=%d k=%g alpha=%g beta=%g; expected n ≥ 1, k > 0, alpha ≥ 0, beta > 0",
     "{1}: LRN n={2} k={3} α={4} β={5}: n ≥ 1, k > 0, α ≥ 0, β > 0이어야 합니다"},
    {"%s: %d channels do not split into two towers",
     "{1}: 채널 {2}개는 두 타워로 나눌 수 없습니다"},

    /* net/unit.c: one unit taken apart (messages to programmers) */
    {"%s: room for %d channel sums, %d needed", "{1}: 채널 합 {3}개가 필요한데 자리는 {2}개입니다"},
    {"net_unit_explain: no stage or no input", "net_unit_explain: 단계나 입력이 없습니다"},
    {"%s: unit (%d, %d, %d) is outside its %d×%d×%d",
     "{1}: 유닛 ({2}, {3}, {4})는 {5}×{6}×{7} 밖에 있습니다"},
    {"%s: not a convolution, pooling or fc stage with weights",
     "{1}: 가중치가 있는 합성곱, 풀링, 완전 연결층 단계가 아닙니다"},

    /* net/backward.c: the backward pass (messages to programmers) */
    {"out of memory: %zu MB for the gradients",
     "메모리가 부족합니다: 기울기에 {1} MB가 필요합니다"},
    {"net_backward: the net has no %s stage", "net_backward: 네트워크에 {1} 단계가 없습니다"},
    {"net_backward: class %d is outside %s's 0..%d",
     "net_backward: 클래스 {1}: {2}의 범위 0..{3} 밖입니다"},
    {"net_backward: unknown target kind %d", "net_backward: 알 수 없는 대상 종류입니다: {1}"},
    {"net_backward: stage %d; expected 0..%d", "net_backward: 단계 {1}: 0..{2} 범위여야 합니다"},
    {"net_backward: unit (c %d, y %d, x %d) is outside %s's %d×%d×%d",
     "net_backward: 유닛 (c {1}, y {2}, x {3}): {4}의 {5}×{6}×{7} 밖입니다"},
    {"net_backward: channel %d is outside %s's 0..%d",
     "net_backward: 채널 {1}: {2}의 범위 0..{3} 밖입니다"},
    {"net_backward: no target", "net_backward: 대상이 없습니다"},
    {"net_backward: unknown mode %d", "net_backward: 알 수 없는 모드입니다: {1}"},
    {"net_backward: no forward pass to go back through; run net_forward first",
     "net_backward: 거슬러 올라갈 순전파가 없습니다. 먼저 net_forward를 실행하세요"},
    {"net_backward: the last forward pass stopped after %s, before the target's stage %s",
     "net_backward: 마지막 순전파가 대상 단계 {2}에 이르기 전에 {1} 다음에서 멈췄습니다"},
    {"stopped after %s (backward)", "{1} 다음에서 멈췄습니다 (역전파)"},

    /* net/onnx.c, net/pb_scan.c: ONNX files (the loader names the file first: "%s: " and these) */
    {"%s: more than %lld MB; an AlexNet ONNX file is about 244 MB",
     "{1}: {2} MB를 넘습니다. AlexNet ONNX 파일은 약 244 MB입니다"},
    {"not an ONNX TensorProto (protobuf decoding failed)",
     "ONNX TensorProto가 아닙니다 (protobuf 디코딩 실패)"},
    {"empty file", "빈 파일입니다"},
    {"%s: tensor '%.60s' has data type %d; expected float32 (1)",
     "{1}: 텐서 '{2}'의 데이터 형식이 {3}입니다. float32(1)여야 합니다"},
    {"%s: %zu dimensions; at most 8", "{1}: {2}차원입니다. 최대 8차원입니다"},
    {"%s: dimension %zu is %lld", "{1}: {2}번 차원이 {3}입니다"},
    {"%s: holds %lld values; its shape needs %lld: truncated or corrupt",
     "{1}: 값이 {2}개인데 모양에는 {3}개가 필요합니다: 잘렸거나 손상되었습니다"},
    {"%s: element %lld is %s; a test tensor must be finite",
     "{1}: 원소 [{2}]의 값이 {t3}입니다. 테스트 텐서는 유한한 값이어야 합니다"},
    {"NaN", "NaN"},
    {"infinite", "무한대"},
    {"an infinity", "무한대"},
    {"a different network: %zu nodes; AlexNet has about 25",
     "다른 네트워크입니다: 노드가 {1}개입니다. AlexNet은 약 25개입니다"},
    {"a different network: %zu inputs, %zu outputs and %zu initializers; at most %d of "
     "each are read (AlexNet has 17, 1, 16)",
     "다른 네트워크입니다: 입력 {1}개, 출력 {2}개, 초기값(initializer) {3}개. 각각 "
     "{4}개까지만 읽습니다 (AlexNet은 17, 1, 16개)"},
    {"node %s has %zu inputs, %zu outputs and %zu attributes; at most %d of each are read",
     "노드 {1}: 입력 {2}개, 출력 {3}개, 속성 {4}개. 각각 {5}개까지만 읽습니다"},
    {"node %s: attribute '%s' is not an integer", "노드 {1}: 속성 '{2}': 정수가 아닙니다"},
    {"node %s: %s = %lld; expected %d..%d", "노드 {1}: {2} = {3}: {4}..{5}여야 합니다"},
    {"node %s: attribute '%s' is not a float", "노드 {1}: 속성 '{2}': 실수(float)가 아닙니다"},
    {"node %s: %s is %g", "노드 {1}: {2} = {3}: 쓸 수 없는 값입니다"},
    {"node %s: attribute '%s' is not a list of integers",
     "노드 {1}: 속성 '{2}': 정수 목록이 아닙니다"},
    {"node %s: %s has %zu values; expected %d (2-D)",
     "노드 {1}: {2}의 값이 {3}개입니다. {4}개(2차원)여야 합니다"},
    {"node %s: %s[%d] = %lld; expected 0..4096", "노드 {1}: {2}[{3}] = {4}: 0..4096이어야 합니다"},
    {"node %s: auto_pad is not a string", "노드 {1}: auto_pad가 문자열이 아닙니다"},
    {"node %s: auto_pad %s; expected explicit pads (NOTSET)",
     "노드 {1}: auto_pad {2}: 패딩을 직접 적어야 합니다 (NOTSET)"},
    {"the graph has %d inputs besides its weights; AlexNet has one, the image",
     "그래프에 가중치 말고도 입력이 {1}개 있습니다. AlexNet의 입력은 이미지 하나입니다"},
    {"input '%.60s' is not a tensor", "입력 '{1}': 텐서가 아닙니다"},
    {"input '%.60s' has element type %d; expected float32 (1)",
     "입력 '{1}': 원소 형식이 {2}입니다. float32(1)여야 합니다"},
    {"input '%.60s' has %zu dimensions; expected 4 (1, 3, S, S)",
     "입력 '{1}': {2}차원입니다. 4차원 (1, 3, S, S)여야 합니다"},
    {"input '%.60s' has a symbolic dimension %d; alexviz needs a fixed (1, 3, S, S)",
     "입력 '{1}': {2}번 차원이 기호로 되어 있습니다. alexviz에는 고정된 (1, 3, S, S)가 "
     "필요합니다"},
    {"input '%.60s' is [%lld,%lld,%lld,%lld]; expected (1, 3, S, S) with S = 224 or 227 "
     "(11 to %d)",
     "입력 '{1}': [{2},{3},{4},{5}]입니다. (1, 3, S, S)이고 S는 224 또는 227이어야 "
     "합니다 (11~{6})"},
    {"a quantized graph: node %s; alexviz runs float32 weights (use "
     "bvlcalexnet-12.onnx, not the int8 or qdq variants)",
     "양자화된 그래프입니다: 노드 {1}. alexviz는 float32 가중치만 실행합니다 (int8이나 "
     "qdq 판이 아닌 bvlcalexnet-12.onnx를 쓰세요)"},
    {"a different network: node %s belongs to a ResNet-like network, not to AlexNet "
     "(which has no batch normalisation and no global pooling)",
     "다른 네트워크입니다: 노드 {1}: AlexNet이 아니라 ResNet 계열 네트워크의 연산입니다 "
     "(AlexNet에는 배치 정규화도 전역 풀링도 없습니다)"},
    {"a different network: node %s adds two computed tensors, a residual connection "
     "(ResNet-like); AlexNet is a chain",
     "다른 네트워크입니다: 노드 {1}: 계산된 텐서 둘을 더합니다. 잔차 연결(ResNet "
     "계열)인데, AlexNet은 한 줄로 이어진 구조입니다"},
    {"a quantized graph: initializer '%.60s' is %s; alexviz runs float32 weights (use "
     "bvlcalexnet-12.onnx, not the int8 or qdq variants)",
     "양자화된 그래프입니다: 초기값(initializer) '{1}'의 형식이 {2}입니다. alexviz는 "
     "float32 가중치만 실행합니다 (int8이나 qdq 판이 아닌 bvlcalexnet-12.onnx를 쓰세요)"},
    {"int8", "int8"},
    {"uint8", "uint8"},
    {"a different network: no LRN and no grouped convolution (conv widths %s) is the "
     "layout of torchvision's AlexNet (2014: 64-192-384-256-256); alexviz runs the 2012 "
     "network (LRN, two towers) whose trained weights are the ONNX zoo's bvlcalexnet",
     "다른 네트워크입니다: LRN도 그룹 합성곱도 없는 구성(합성곱 너비 {1})은 "
     "torchvision의 AlexNet(2014년판: 64-192-384-256-256)입니다. alexviz는 2012년 "
     "네트워크(LRN, 두 타워)를 실행하며, 그 학습된 가중치는 ONNX 모델 저장소(zoo)의 "
     "bvlcalexnet입니다"},
    {"a different network: %d convolutions (widths %s%s) and no LRN; AlexNet has 5, "
     "with LRN after conv1 and conv2",
     "다른 네트워크입니다: 합성곱 {1}개(너비 {2}{3}), LRN 없음. AlexNet은 합성곱이 "
     "5개이고 conv1과 conv2 뒤에 LRN이 있습니다"},
    {"node %s: no weight initializer", "노드 {1}: 가중치 초기값(initializer)이 없습니다"},
    {"node %s: no kernel_shape", "노드 {1}: kernel_shape가 없습니다"},
    {"node %s: dilations [%d,%d]; AlexNet has none",
     "노드 {1}: dilations [{2},{3}]: AlexNet에는 팽창(dilation)이 없습니다"},
    {"node %s: no size", "노드 {1}: size가 없습니다"},
    {"node %s: target shape '%.60s' is not int64", "노드 {1}: 목표 모양 '{2}': int64가 아닙니다"},
    {"node %s: its target shape is not a constant", "노드 {1}: 목표 모양이 상수가 아닙니다"},
    {"node %s: a target shape of %zu values; fc6 needs 2",
     "노드 {1}: 목표 모양의 값이 {2}개입니다. fc6에는 2개가 필요합니다"},
    {"node %s: alpha %g, beta %g, transA %d; expected a plain fully connected layer (1, 1, 0)",
     "노드 {1}: alpha {2}, beta {3}, transA {4}: 보통의 완전 연결층 (1, 1, 0)이어야 합니다"},
    {"node %s: no weight initializer as second input",
     "노드 {1}: 두 번째 입력이 가중치 초기값(initializer)이 아닙니다"},
    {"node %s: axis %d; expected the class axis (1)",
     "노드 {1}: axis {2}: 클래스 축(1)이어야 합니다"},
    {"node %s: operator '%.40s' is not one alexviz runs (AlexNet is Conv, Relu, LRN, "
     "MaxPool, Dropout, Reshape or Flatten, Gemm or MatMul + Add, Softmax)",
     "노드 {1}: alexviz가 실행하지 않는 연산자 '{2}'입니다 (AlexNet은 Conv, Relu, LRN, "
     "MaxPool, Dropout, Reshape 또는 Flatten, Gemm 또는 MatMul + Add, Softmax로 이루어집니다)"},
    {"node %s: operator domain '%.40s'; alexviz runs the standard ONNX operators",
     "노드 {1}: 연산자 도메인 '{2}': alexviz는 표준 ONNX 연산자만 실행합니다"},
    {"node %s has no output", "노드 {1}: 출력이 없습니다"},
    {"node %s does not read '%.60s', the output of node %s; AlexNet is a chain",
     "노드 {1}: 앞 노드 {3}의 출력 '{2}'에서 이어지지 않습니다. AlexNet은 한 줄로 "
     "이어진 구조입니다"},
    {"node %s does not read '%.60s', the output of input '%.60s'; AlexNet is a chain",
     "노드 {1}: 입력 '{2}'에서 이어지지 않습니다. AlexNet은 한 줄로 이어진 구조입니다"},
    {"node %s reads the previous output '%.60s' as input %d; expected it first",
     "노드 {1}: 앞 출력('{2}')을 {3}번 입력으로 읽습니다. 첫 번째 입력이어야 합니다"},
    {"node %s reads '%.60s', which is neither the previous output nor a constant: a "
     "branch, and AlexNet has none",
     "노드 {1}: 앞 출력도 상수도 아닌 입력('{2}')을 읽습니다. 분기인데, AlexNet에는 "
     "분기가 없습니다"},
    {"node %s is not the bias of a MatMul right before it; AlexNet has no other addition",
     "노드 {1}: 바로 앞 MatMul의 편향이 아닙니다. AlexNet에는 그 밖의 덧셈이 없습니다"},
    {"a different network: more than %d operations in a chain; AlexNet has 22 plus dropouts",
     "다른 네트워크입니다: 이어진 연산이 {1}개를 넘습니다. AlexNet은 드롭아웃을 빼면 "
     "22개입니다"},
    {"the graph has %zu outputs; AlexNet has one",
     "그래프의 출력이 {1}개입니다. AlexNet의 출력은 하나입니다"},
    {"the graph's output '%.60s' is not where the chain ends ('%.60s', from node %s)",
     "그래프의 출력 '{1}': 연산의 끝이 아닙니다 (끝은 노드 {3}의 '{2}')"},
    {"the graph's output '%.60s' is not where the chain ends ('%.60s', from input '%.60s')",
     "그래프의 출력 '{1}': 연산의 끝이 아닙니다 (끝은 입력 '{2}')"},
    {"a different network: %d convolutions and %d fully connected layers; AlexNet has 5 and 3",
     "다른 네트워크입니다: 합성곱 {1}개, 완전 연결층 {2}개. AlexNet은 5개와 3개입니다"},
    {"the graph ends after node %s; AlexNet continues with %s (%s)",
     "그래프가 노드 {1}에서 끝납니다. AlexNet에는 그 뒤에 {2}({t3}) 단계가 있습니다"},
    {"the graph ends after its input; AlexNet continues with %s (%s)",
     "그래프가 입력에서 바로 끝납니다. AlexNet에는 그 뒤에 {1}({t2}) 단계가 있습니다"},
    {"node %s where AlexNet has %s (%s)", "노드 {1}: 이 자리는 AlexNet에서 {2}({t3}) 단계입니다"},
    {"node %s after %s, where AlexNet ends", "노드 {1}: AlexNet이 끝나는 {2} 뒤에 더 있습니다"},
    {"node %s: weight '%.60s' is %s; expected %d dimensions (%s)",
     "노드 {1}: 가중치 '{2}'의 모양이 {3}입니다. {4}차원({t5})이어야 합니다"},
    {"node %s: weight '%.60s' is %s but bias '%.60s' is %s: %lld outputs against %lld biases%s",
     "노드 {1}: 가중치 '{2}' {3}, 편향 '{4}' {5}: 출력 {6}개에 편향 {7}개입니다{t8}"},
    {"node %s: weight '%.60s' is %s; %lld outputs is not a width AlexNet can have",
     "노드 {1}: 가중치 '{2}' {3}: 출력 {4}개는 AlexNet이 가질 수 있는 너비가 아닙니다"},
    {"node %s: weight '%.60s' is %s: %lld filters; expected an even number (%s's "
     "filters are split between the two towers)",
     "노드 {1}: 가중치 '{2}' {3}: 필터가 {4}개입니다. 짝수여야 합니다 ({5}의 필터는 두 "
     "타워로 나뉩니다)"},
    {"node %s: %d×%d pooling with stride %d×%d; AlexNet's %s is 3×3 with stride 2 "
     "(overlapping pooling)",
     "노드 {1}: {2}×{3} 풀링, 스트라이드 {4}×{5}. AlexNet의 {6}: 3×3 풀링, 스트라이드 2 "
     "(겹치는 풀링)"},
    {"node %s: pads [%d,%d,%d,%d]; expected [0,0,0,0] or end pads [0,0,1,1]",
     "노드 {1}: pads [{2},{3},{4},{5}]: [0,0,0,0]이거나 끝쪽 패딩 [0,0,1,1]이어야 합니다"},
    {"node %s and norm2 differ (size %d/%d, alpha %g/%g, beta %g/%g, bias %g/%g); "
     "AlexNet uses one LRN for both",
     "노드 {1}, norm2: 설정이 다릅니다 (size {2}/{3}, alpha {4}/{5}, beta {6}/{7}, bias "
     "{8}/{9}). AlexNet은 두 곳에 같은 LRN을 씁니다"},
    {"node %s: %d×%d kernel, stride %d×%d, pads [%d,%d,%d,%d]; AlexNet's %s is %d×%d, "
     "stride %d, pad %d",
     "노드 {1}: 커널 {2}×{3}, 스트라이드 {4}×{5}, 패딩 [{6},{7},{8},{9}]. AlexNet의 "
     "{10}: 커널 {11}×{12}, 스트라이드 {13}, 패딩 {14}"},
    {"node %s: group %d; AlexNet's %s has %d%s",
     "노드 {1}: group {2}. AlexNet의 {3}: group {4}{t5}"},
    {"node %s: weight '%.60s' is %s; expected %s (%.7s: %d filters of %d×%d over %d%s "
     "channels)",
     "노드 {1}: 가중치 '{2}' {3}: {4}여야 합니다 ({5}: 채널 {9}{10}개에 걸친 {7}×{8} "
     "필터 {6}개)"},
    {"node %s: with its pads [%d,%d,%d,%d] and ceil_mode %d it makes %d×%d of %d×%d, "
     "but %s with the other pools' rounding makes %d×%d; alexviz rounds all pools alike",
     "노드 {1}: pads [{2},{3},{4},{5}], ceil_mode {6}일 때 입력 {9}×{10}의 출력은 "
     "{7}×{8}인데, 다른 풀링과 같은 반올림이면 {11}의 출력은 {12}×{13}입니다. alexviz는 "
     "모든 풀링을 같은 방식으로 반올림합니다"},
    {"node %s: weight '%.60s' is %s; expected %s (%.7s: %d outputs from pool5's "
     "%d×%d×%d = %lld values%s)",
     "노드 {1}: 가중치 '{2}' {3}: {4}여야 합니다 ({5}: pool5의 {7}×{8}×{9} = {10}개 "
     "값에서 출력 {6}개{t11})"},
    {"node %s: weight '%.60s' is %s; expected %s (%.7s: %d outputs from %lld inputs%s)",
     "노드 {1}: 가중치 '{2}' {3}: {4}여야 합니다 ({5}: 입력 {7}개에서 출력 {6}개{t8})"},
    {"node %s: bias '%.60s' is %s; expected %s (one bias per output of %.7s)",
     "노드 {1}: 편향 '{2}' {3}: {4}여야 합니다 ({5}의 출력마다 편향 하나)"},
    {"node %s: axis %d; fc6 needs pool5 flattened from axis 1",
     "노드 {1}: axis {2}: fc6에는 축 1부터 펼친 pool5가 필요합니다"},
    {"node %s: reshapes pool5's (1,%lld,%lld,%lld) to %s; fc6 needs (1, %lld)",
     "노드 {1}: pool5의 (1,{2},{3},{4}) 모양을 {5} 모양으로 바꿉니다. fc6에 필요한 "
     "모양은 (1, {6})입니다"},
    {"a quantized graph: tensor '%.60s' of node %s is 8-bit; alexviz runs float32 weights",
     "양자화된 그래프입니다: 노드 {2}의 텐서 '{1}': 8비트입니다. alexviz는 float32 "
     "가중치만 실행합니다"},
    {"tensor '%.60s' of node %s has data type %d; expected float32 (1)",
     "노드 {2}의 텐서 '{1}': 데이터 형식이 {3}입니다. float32(1)여야 합니다"},
    {"tensor '%.60s' is stored in an external file; alexviz reads self-contained .onnx files",
     "텐서 '{1}': 외부 파일에 저장되어 있습니다. alexviz는 모든 데이터가 한 파일에 든 "
     ".onnx만 읽습니다"},
    {"tensor '%.60s' is split into segments", "텐서 '{1}': 여러 조각(segment)으로 나뉘어 있습니다"},
    {"tensor '%.60s' holds %lld values (%s); its shape needs %lld: truncated or corrupt",
     "텐서 '{1}': 값이 {2}개({3})인데 모양에는 {4}개가 필요합니다: 잘렸거나 손상되었습니다"},
    {"float_data", "float_data"},
    {"raw_data", "raw_data"},
    {"tensor '%.60s' of node %s has %s at index %lld; trained weights are finite",
     "노드 {2}의 텐서 '{1}': 위치 {4}의 값이 {t3}입니다. 학습된 가중치는 유한한 "
     "값이어야 합니다"},
    {"empty file; not an ONNX model", "빈 파일입니다. ONNX 모델이 아닙니다"},
    {"not an ONNX model (not a protobuf ModelProto)",
     "ONNX 모델이 아닙니다 (protobuf ModelProto가 아닙니다)"},
    {"decoding would take more than %zu MB; not an AlexNet ONNX file",
     "디코딩에 {1} MB보다 많이 필요합니다. AlexNet ONNX 파일이 아닙니다"},
    {"truncated or corrupt ONNX file (protobuf decoding failed; %zu bytes, where "
     "bvlcalexnet-12.onnx has 243,863,787)",
     "ONNX 파일이 잘렸거나 손상되었습니다 (protobuf 디코딩 실패: {1}바이트, "
     "bvlcalexnet-12.onnx는 243,863,787바이트)"},
    {"truncated or corrupt ONNX file (no graph)",
     "ONNX 파일이 잘렸거나 손상되었습니다 (graph가 없습니다)"},
    {"not an ONNX model (no ir_version)", "ONNX 모델이 아닙니다 (ir_version이 없습니다)"},
    {"truncated or corrupt ONNX file (no operator set version)",
     "ONNX 파일이 잘렸거나 손상되었습니다 (연산자 집합 버전이 없습니다)"},
    {"the graph has no nodes", "그래프에 노드가 없습니다"},
    {"tensor '%.60s' is used by two layers; AlexNet shares no weights",
     "텐서 '{1}': 두 층이 함께 씁니다. AlexNet은 가중치를 공유하지 않습니다"},
    {"its widths %d-%d-%d-%d-%d-%d-%d-%d at %d×%d would need %.0f MB of activations; at "
     "most %d MB are allowed (AlexNet needs 14)",
     "너비 {1}-{2}-{3}-{4}-{5}-{6}-{7}-{8}, 입력 {9}×{10}이면 활성값에 {11} MB가 "
     "필요합니다. 최대 {12} MB까지 허용합니다 (AlexNet은 14 MB)"},
    {"Reshape or Flatten", "Reshape 또는 Flatten"},
    {"Gemm or MatMul", "Gemm 또는 MatMul"},
    {"filters, channels, height, width", "필터, 채널, 높이, 너비"},
    {"a matrix", "행렬"},
    {" (a Conv weight is filters, channels, height, width)",
     " (Conv 가중치는 필터, 채널, 높이, 너비 순서입니다)"},
    {" (with transB=0, or in a MatMul, the weight is (inputs, outputs))",
     " (transB=0이거나 MatMul이면 가중치는 (입력, 출력) 순서입니다)"},
    {" (with transB=1 the weight is (outputs, inputs))",
     " (transB=1이면 가중치는 (출력, 입력) 순서입니다)"},
    {" (the two towers)", " (두 타워)"},
    {" (it reads both towers)", " (두 타워를 모두 읽음)"},
    {", stored (in, out)", ", (입력, 출력) 순서로 저장"},
    {"nodes", "노드"},
    {"AlexNet has 24", "AlexNet은 24개"},
    {"%s: not a protobuf %s: a broken field tag at byte %zu",
     "{1}: protobuf {2}가 아닙니다: 바이트 {3}의 필드 태그가 깨졌습니다"},
    {"%s: truncated or corrupt protobuf: a number cut at byte %zu",
     "{1}: protobuf가 잘렸거나 손상되었습니다: 바이트 {2}에서 숫자가 끊깁니다"},
    {"%s: truncated or corrupt protobuf: a field at byte %zu claims more bytes than its "
     "message has",
     "{1}: protobuf가 잘렸거나 손상되었습니다: 바이트 {2}의 필드가 메시지에 남은 것보다 "
     "긴 길이를 적고 있습니다"},
    {"%s: not a well-formed ONNX file: field '%s' given twice in one %s (at byte %zu)",
     "{1}: 올바른 ONNX 파일이 아닙니다: {3} 하나에 같은 필드('{2}')가 두 번 나옵니다 "
     "(바이트 {4})"},
    {"%s: messages nested more than %d deep (at byte %zu); an ONNX model needs about 8",
     "{1}: 메시지가 {2}겹보다 깊게 중첩되어 있습니다 (바이트 {3}). ONNX 모델은 8겹 "
     "정도면 됩니다"},
    {"%s: more than %lld protobuf messages; at most that many are read",
     "{1}: protobuf 메시지가 {2}개를 넘습니다. 그만큼까지만 읽습니다"},
    {"%s: more than %lld %s; at most that many are read (%s)",
     "{1}: {t3}가 {2}개를 넘습니다. 그만큼까지만 읽습니다 ({t4})"},
    {"%s: a %s of %llu bytes in a %s; at most %zu are read",
     "{1}: {4} 안의 {2} 필드가 {3}바이트입니다. {5}바이트까지만 읽습니다"},
    {"%s: not a protobuf %s: wire type %d at byte %zu",
     "{1}: protobuf {2}가 아닙니다: 바이트 {4}의 와이어 타입이 {3}입니다"},

    /* net/onnx.c: the variant line check prints (net_onnx_info.variant_said) */
    {"%s: LRN %s pooling, %d×%d input, Caffe's ceil pooling as end pads [0,0,%d,%d], "
     "LRN n=%d α=%g β=%g k=%g (α/n, Caffe), fc as %s, weights in %s, %s",
     "{t1}: LRN은 풀링 {t2}, 입력 {3}×{4}, Caffe의 올림(ceil) 풀링을 끝쪽 패딩 "
     "[0,0,{5},{6}]으로, LRN n={7} α={8} β={9} k={10} (α/n, Caffe), fc는 {11}, 가중치는 "
     "{t12}, {t13}"},
    {"%s: LRN %s pooling, %d×%d input, ceil pooling (ceil_mode=1%s), LRN n=%d α=%g β=%g "
     "k=%g (α/n, Caffe), fc as %s, weights in %s, %s",
     "{t1}: LRN은 풀링 {t2}, 입력 {3}×{4}, 올림(ceil) 풀링 (ceil_mode=1{t5}), LRN n={6} "
     "α={7} β={8} k={9} (α/n, Caffe), fc는 {10}, 가중치는 {t11}, {t12}"},
    {"%s: LRN %s pooling, %d×%d input, floor pooling, LRN n=%d α=%g β=%g k=%g (α/n, "
     "Caffe), fc as %s, weights in %s, %s",
     "{t1}: LRN은 풀링 {t2}, 입력 {3}×{4}, 내림(floor) 풀링, LRN n={5} α={6} β={7} "
     "k={8} (α/n, Caffe), fc는 {9}, 가중치는 {t10}, {t11}"},
    {"CaffeNet order", "CaffeNet 순서"},
    {"paper/Caffe order", "논문/Caffe 순서"},
    {"float_data and raw_data", "float_data와 raw_data"},
    {"ends in Softmax", "끝은 Softmax"},
    {"ends in fc8's logits", "끝은 fc8의 로짓"},
    {" and end pads", ", 끝쪽 패딩"},

    /* viz/cli.c, viz/cli_weights.c, viz/main.c: what every command shares */
    {"%s: '%s' is not a valid value (see --help)",
     "{1}: 올바른 값이 아닙니다: '{2}' (--help 참고)"},
    {"%s: unknown option '%s' (see alexviz %s --help)",
     "{1}: 알 수 없는 옵션입니다: '{2}' (alexviz {3} --help 참고)"},
    {"%s: unexpected argument '%s' (see alexviz %s --help)",
     "{1}: 받지 않는 인수입니다: '{2}' (alexviz {3} --help 참고)"},
    {"%s: '%s' is not WxH with W 320-8192 and H 240-8192 (e.g. 1920x1080)",
     "{1}: WxH 꼴이 아니거나 범위를 벗어났습니다: '{2}' (W는 320-8192, H는 240-8192, "
     "예: 1920x1080)"},
    {"%s needs a value", "{1}에 값이 필요합니다"},
    {"\n"
     "common options:\n",
     "\n"
     "공통 옵션:\n"},
    {"cannot build the network: %s", "네트워크를 만들 수 없습니다: {t1}"},
    {"alexviz: untrained weights; run `make weights` for the trained ones\n",
     "alexviz: 학습되지 않은 가중치입니다. 학습된 가중치는 `make weights`로 받으세요\n"},
    {"alexviz: note: %s fixes the network: %s; the flags asking otherwise are ignored\n",
     "alexviz: 참고: 네트워크 구성은 {1} 파일을 따릅니다: {2}. 이와 다른 옵션은 무시합니다\n"},
    {"seeded, untrained (seed %llu)", "학습되지 않음 (시드 {1}로 생성)"},
    {"%d×%d input instead of %d", "입력 {3} 대신 {1}×{2}"},
    {"LRN %s pooling", "LRN은 풀링 {t1}"},
    {"after", "뒤"},
    {"before", "앞"},
    {"Caffe's LRN (k=%g, α/n) across all channels", "모든 채널에 걸친 Caffe의 LRN (k={1}, α/n)"},
    {"%s: widths %s, %d×%d input, opset %lld%s%s, loaded in %.0f ms",
     "{1}: 너비 {2}, 입력 {3}×{4}, opset {5}{t6}{7}, 읽는 데 {8} ms"},
    {"unknown command '%s'; try alexviz --help",
     "알 수 없는 명령입니다: '{1}' (alexviz --help 참고)"},
    {"alexviz: walk through AlexNet (2012) stage by stage on a real photo.\n"
     "\n"
     "usage: alexviz COMMAND [options] [IMAGE...]\n"
     "\n",
     "alexviz: 실제 사진으로 AlexNet(2012)을 한 단계씩 따라가 봅니다.\n"
     "\n"
     "사용법: alexviz COMMAND [옵션] [IMAGE...]\n"
     "\n"},
    {"\n"
     "`alexviz COMMAND --help` explains one command; `alexviz --version` prints the version.\n",
     "\n"
     "명령 하나의 자세한 설명은 `alexviz COMMAND --help`로, 버전은 `alexviz --version`으로 "
     "봅니다.\n"},
    {"every stage of one photo: shapes, arithmetic, stats, time",
     "사진 한 장의 모든 단계: 크기, 계산식, 통계, 시간"},
    {"the shape arithmetic of every stage, as a table", "모든 단계의 크기 계산을 표로"},
    {"time the forward pass and report peak memory", "순전파 시간과 최대 메모리 사용량 측정"},
    {"run ONNX test folders through a model and report the error",
     "ONNX 테스트 폴더를 모델로 실행하고 오차 보고"},
    {"the classroom window (also with no command, or only photos and flags)",
     "수업용 창 (명령 없이, 또는 사진과 옵션만 주어도 열림)"},
    {"PNGs of every stage for slides, a PDF handout, a manifest",
     "슬라이드용 단계별 PNG, 인쇄용 PDF 유인물, 파일 목록"},

    /* viz/outdir.c: the folders the commands write into */
    {"%s: an empty folder name; name the folder to write into",
     "{1}: 폴더 이름이 비어 있습니다. 쓸 폴더의 이름을 주세요"},
    {"%s: '%s' is the root folder; name a folder of its own to write into",
     "{1}: 루트 폴더입니다: '{2}'. 따로 쓸 폴더의 이름을 주세요"},
    {"%s: another alexviz is writing into %s, which holds this folder; wait for it to "
     "finish or write somewhere else",
     "{1}: 다른 alexviz가 이 폴더를 담은 {2}에 쓰는 중입니다. 끝날 때까지 기다리거나 "
     "다른 곳에 쓰세요"},
    {"%s: cannot write in this folder: %s", "{1}: 이 폴더에 쓸 수 없습니다: {t2}"},
    {"%s/%s: not alexviz's lock file (a link, or a file with another name too); remove it",
     "{1}/{2}: alexviz의 잠금 파일이 아닙니다 (링크이거나, 다른 이름으로도 연결된 "
     "파일입니다). 지우고 다시 하세요"},
    {"%s: the folder name is too long", "{1}: 폴더 이름이 너무 깁니다"},
    {"%s: another alexviz%s is writing into this folder; wait for it to finish or write "
     "somewhere else",
     "{1}: 다른 alexviz{2}가 이 폴더에 쓰는 중입니다. 끝날 때까지 기다리거나 다른 곳에 쓰세요"},
    {"%s: the folder's lock keeps changing; another alexviz is busy there",
     "{1}: 폴더의 잠금이 계속 바뀝니다. 다른 alexviz가 그곳에서 작업 중입니다"},

    /* viz/cmd_trace.c: alexviz trace */
    {"%s: cannot create the dump folder: %s", "{1}: 덤프 폴더를 만들 수 없습니다: {t2}"},
    {"%s: not a folder", "{1}: 폴더가 아닙니다"},
    {"%s: the dump folder is not writable: %s", "{1}: 덤프 폴더에 쓸 수 없습니다: {t2}"},
    {"%s: already exists, and %d more files of a dump; add --force to replace them",
     "{1}: 이미 있습니다. 덤프 파일이 {2}개 더 있습니다. 바꾸려면 --force를 붙이세요"},
    {"%s: already exists; add --force to replace it",
     "{1}: 이미 있습니다. 바꾸려면 --force를 붙이세요"},
    {"%s/trace.json: out of memory", "{1}/trace.json: 메모리가 부족합니다"},
    {"trace: one image at a time ('%s' and '%s')",
     "trace: 이미지는 한 번에 하나만 받습니다 ('{1}', '{2}')"},
    {"trace: no image given (see alexviz trace --help)",
     "trace: 이미지가 없습니다 (alexviz trace --help 참고)"},
    {"trace: --force replaces the files of a dump: add --dump DIR",
     "trace: --force는 덤프 파일을 바꿀 때 씁니다: --dump DIR을 함께 주세요"},
    {"[%2d/%d] %-6s %s\n", "[{1}/{2}] {3} {4}\n"},
    {"        shape   %s → %s\n", "        크기       {1} → {2}\n"},
    {"        arith   %s\n", "        계산       {1}\n"},
    {"        params  %s\n", "        파라미터   {1}\n"},
    {"        MACs    %s\n", "        곱셈-누산  {1}\n"},
    {"        field   one unit sees %d×%d input pixels; neighbours are %d px apart\n",
     "        수용 영역  유닛 하나가 입력의 {1}×{2} 픽셀을 보고, 이웃 유닛과는 {3}픽셀 "
     "떨어져 있습니다\n"},
    {"        memory  %s bytes\n", "        메모리     {1}바이트\n"},
    {"        stats   min %.4g  max %.4g  mean %.4g  std %.4g",
     "        통계       최솟값 {1}  최댓값 {2}  평균 {3}  표준편차 {4}"},
    {"  zeros %.1f%%", "  0인 값 {1}%%"},
    {"  out/in %.4f", "  출력/입력 {1}"},
    {"\n", "\n"},
    {"        warning %zu NaN and %zu infinite values: float32 overflowed; the "
     "statistics are of the finite values\n",
     "        경고       NaN {1}개, 무한대 {2}개: float32 범위를 넘었습니다. 통계는 "
     "유한한 값만으로 냈습니다\n"},
    {"        note    %zu subnormal values (nonzero, below 1.2e-38): float32 keeps only "
     "a few digits of them\n",
     "        참고       비정규 값 {1}개 (0은 아니지만 1.2e-38보다 작음): float32는 "
     "이런 값의 유효숫자를 몇 자리밖에 담지 못합니다\n"},
    {"        towers  A %d–%d | B %d–%d; %s\n", "        타워       A {1}–{2} | B {3}–{4}: {t5}\n"},
    {"        towers  %s\n", "        타워       {t1}\n"},
    {"        time    %.2f ms\n", "        시간       {1} ms\n"},
    {"both towers see the whole image", "두 타워 모두 이미지 전체를 봅니다"},
    {"each tower reads only its own maps", "각 타워는 자기 맵만 읽습니다"},
    {"each tower's own maps; the LRN window crosses the boundary for the channels beside it",
     "각 타워는 자기 맵을 읽지만, 경계 옆 채널에서는 LRN 창이 경계를 넘습니다"},
    {"every output reads both towers", "모든 출력이 두 타워를 모두 읽습니다"},
    {"one vector: no towers any more", "하나의 벡터: 더는 타워로 나뉘지 않습니다"},
    {"conv %d×%d/%d pad %d, %d filters in %d groups of %d×%d×%d",
     "합성곱 {1}×{2}, 스트라이드 {3}, 패딩 {4}, {7}×{8}×{9} 필터 {5}개 (그룹 {6}개)"},
    {"conv %d×%d/%d pad %d, %d filters of %d×%d×%d",
     "합성곱 {1}×{2}, 스트라이드 {3}, 패딩 {4}, {6}×{7}×{8} 필터 {5}개"},
    {"max pool %d×%d/%d (%s rounding%s)", "최대 풀링 {1}×{2}, 스트라이드 {3}, {t4}{t5}"},
    {"ceil", "올림(ceil)"},
    {"floor", "내림(floor)"},
    {", end pad", ", 끝쪽 패딩"},
    {"LRN n=%d k=%g s=%g β=%g (%s, %s towers)", "LRN n={1} k={2} s={3} β={4} ({t5}, {t6})"},
    {"Caffe/ONNX: s = α/n", "Caffe/ONNX: s = α/n"},
    {"paper: s = α", "논문: s = α"},
    {"within", "창은 각 타워 안"},
    {"across", "창은 두 타워에 걸침"},
    {"fully connected, %d outputs", "완전 연결층, 출력 {1}개"},
    {"ReLU max(0, x)", "ReLU max(0, x)"},
    {"dropout p=0.5: the identity at inference (the paper halved the outputs instead)",
     "드롭아웃 p=0.5: 추론 때는 값을 그대로 내보냅니다 (논문은 대신 출력을 절반으로 "
     "줄였습니다)"},
    {"alexviz trace: %s\n", "alexviz trace: {1}\n"},
    {"weights: %s%s\n", "가중치:  {1}{t2}\n"},
    {"; predictions mean nothing", " — 예측에는 의미가 없습니다"},
    {"input:   %d×%d, %s, 0–255 minus mean (%.3f, %.3f, %.3f)%s\n",
     "입력:    {1}×{2}, {3}, 0–255 값에서 평균 ({4}, {5}, {6})을 뺌{t7}\n"},
    {"BGR", "BGR"},
    {"RGB", "RGB"},
    {"; .npy taken as is", " (.npy는 그대로 씀)"},
    {"variant: %s; %s pooling; LRN %s, window %s\n"
     "\n",
     "구성:    {t1} · 풀링은 {t2} · LRN {t3}, {t4}\n"
     "\n"},
    {"conv → relu → pool → norm (CaffeNet, the notes)",
     "합성곱 → ReLU → 풀링 → LRN (CaffeNet, 강의 노트)"},
    {"conv → relu → norm → pool (paper, Caffe)", "합성곱 → ReLU → LRN → 풀링 (논문, Caffe)"},
    {"k=1, α/n (Caffe/ONNX)", "k=1, α/n (Caffe/ONNX)"},
    {"k=2, α (paper)", "k=2, α (논문)"},
    {"within each tower", "창은 각 타워 안"},
    {"across both towers", "창은 두 타워에 걸침"},
    {"note:    %zu input values are subnormal (nonzero, below 1.2e-38): float32 keeps "
     "only a few digits of them, and the maps will show mostly zeros\n"
     "\n",
     "참고:    입력 값 {1}개가 비정규 값입니다 (0은 아니지만 1.2e-38보다 작음): "
     "float32는 이런 값의 유효숫자를 몇 자리밖에 담지 못해서 맵이 거의 0으로 보일 것입니다\n"
     "\n"},
    {"\n"
     "total: %s parameters, %s MACs, %.1f ms\n",
     "\n"
     "합계: 파라미터 {1}개, 곱셈-누산 {2}번, {3} ms\n"},
    {"\n"
     "top-%d%s%s:\n",
     "\n"
     "상위 {1}개{t2}{t3}:\n"},
    {" (untrained weights: meaningless)", " (학습되지 않은 가중치라 의미 없음)"},
    {" (not ImageNet's 1000 classes: no names)", " (ImageNet의 1000개 클래스가 아니라 이름 없음)"},
    {"  %6.2f%%  %4d%s%s\n", "  {1}%%  {2}{3}{4}\n"},
    {"\n"
     "warning: NaN or infinite values from %s on: float32 overflowed; the statistics "
     "are of the finite values and the classes mean nothing\n",
     "\n"
     "경고: {1}부터 NaN이나 무한대 값이 나옵니다. float32 범위를 넘었습니다. 통계는 "
     "유한한 값만으로 냈고, 클래스 예측에는 의미가 없습니다\n"},
    {"\n"
     "wrote %d .npy files and trace.json to %s\n",
     "\n"
     "{2}에 .npy 파일 {1}개와 trace.json을 썼습니다\n"},

    /* viz/cmd_shapes.c: alexviz shapes */
    {"\n"
     "The arithmetic, O = floor((I + 2P − K)/S) + 1:\n",
     "\n"
     "계산식 O = floor((I + 2P − K)/S) + 1:\n"},
    {"  %-6s %s\n", "  {1} {2}\n"},
    {"         params %s\n", "         파라미터  {1}\n"},
    {"         MACs   %s\n", "         곱셈-누산 {1}\n"},
    {"\n"
     "224 or 227:\n"
     "  The paper says 224×224, but floor((224 − 11)/4) + 1 = 54, not 55.\n",
     "\n"
     "224인가 227인가:\n"
     "  논문은 224×224라고 하지만 floor((224 − 11)/4) + 1 = 54이지 55가 아닙니다.\n"},
    {"  At 224 the pools must round up (Caffe's ceil mode; the ONNX model zoo writes it\n"
     "  as end pads [0,0,1,1]): 54 → 27 → 13 → 6, and pool5 is again 6×6×256 = 9216.\n",
     "  224에서는 풀링이 올림을 해야 합니다 (Caffe의 ceil 모드. ONNX 모델 저장소(zoo)는 이를\n"
     "  끝쪽 패딩 [0,0,1,1]로 적습니다): 54 → 27 → 13 → 6이 되어, pool5는 다시\n"
     "  6×6×256 = 9216입니다.\n"},
    {"  With floor pooling: ", "  내림(floor) 풀링이면: "},
    {"%s%d → %d", "{1}{2} → {3}"},
    {"; pool5 gives %d×%d×%d = %d values, and fc6's 4096×9216 weights cannot run.\n",
     ".\n"
     "  pool5가 {1}×{2}×{3} = {4}개 값을 내므로 4096×9216인 fc6 가중치와 맞지 않습니다.\n"},
    {"  Caffe feeds 227×227, which gives 55 with plain floor rounding everywhere;\n"
     "  `alexviz shapes --input-size 224` shows how the 224 input survives.\n",
     "  Caffe는 227×227을 넣으므로 어디서나 보통의 내림(floor)으로 55가 나옵니다.\n"
     "  224 입력이 어떻게 맞춰지는지는 `alexviz shapes --input-size 224`로 볼 수 있습니다.\n"},
    {"weights: %s\n", "가중치: {1}\n"},
    {"AlexNet at %d×%d×3, %s pooling, LRN %s pooling\n"
     "\n",
     "AlexNet, 입력 {1}×{2}×3, 풀링은 {t3}, LRN은 풀링 {t4}\n"
     "\n"},
    {"ceil (as end pads)", "올림(ceil, 끝쪽 패딩으로)"},
    {"         notes  the course notes write \"Number of filters 3\": conv1 has 96 kernels of\n"
     "                11×11×3, 48 in each tower; 3 is each kernel's depth (R, G, B)\n",
     "         노트   강의 노트의 \"Number of filters 3\": conv1의 커널은 11×11×3짜리 96개이고\n"
     "                타워마다 48개입니다. 3은 각 커널의 깊이(R, G, B)입니다\n"},
    {"         towers conv2, conv4 and conv5 read only their own tower (groups=2): 5·5·48,\n"
     "                not 5·5·96\n",
     "         타워   conv2, conv4, conv5는 자기 타워만 읽습니다 (그룹 2개): 필터는 5·5·96이\n"
     "                아니라 5·5·48입니다\n"},
    {"         notes  the notes (and CaffeNet) pool, then apply LRN; the paper (and bvlc_alexnet)\n"
     "                apply LRN, then pool; this run follows the paper (--lrn-order)\n",
     "         노트   강의 노트(와 CaffeNet)는 풀링 다음에 LRN을, 논문(과 bvlc_alexnet)은\n"
     "                LRN 다음에 풀링을 합니다. 지금은 논문의 순서입니다 (--lrn-order)\n"},
    {"         notes  the notes (and CaffeNet) pool, then apply LRN; the paper (and bvlc_alexnet)\n"
     "                apply LRN, then pool; this run follows the notes (--lrn-order)\n",
     "         노트   강의 노트(와 CaffeNet)는 풀링 다음에 LRN을, 논문(과 bvlc_alexnet)은\n"
     "                LRN 다음에 풀링을 합니다. 지금은 노트의 순서입니다 (--lrn-order)\n"},
    {"         notes  the notes add LRN \"to speed things up\"; the paper's reason is\n"
     "                generalisation: top-1 and top-5 error fell by 1.4%% and 1.2%%\n",
     "         노트   강의 노트는 LRN을 \"속도를 높이기 위해\" 한다고 하지만, 논문이 든 이유는\n"
     "                일반화입니다: top-1, top-5 오류가 1.4%%, 1.2%% 줄었습니다\n"},
    {"         LRN    the paper writes k=2 and α; Caffe, ONNX and PyTorch use k=1 and α/n (--lrn)\n",
     "         LRN    논문은 k=2와 α를 쓰고, Caffe, ONNX, PyTorch는 k=1과 α/n을 씁니다 (--lrn)\n"},
    {"stage", "단계"},
    {"op", "연산"},
    {"kernel", "커널"},
    {"stride", "스트라이드"},
    {"pad", "패딩"},
    {"groups", "그룹"},
    {"input", "입력"},
    {"output", "출력"},
    {"params", "파라미터"},
    {"MACs", "곱셈-누산"},
    {"field", "수용 영역"},
    {"memory", "메모리"},
    {"total", "합계"},

    /* viz/cmd_check.c: alexviz check */
    {"%s: input of shape %s; the model takes (1, 3, %d, %d)",
     "{1}: 입력의 모양이 {2}입니다. 모델의 입력은 (1, 3, {3}, {4})입니다"},
    {"%s: expected output of shape %s; the model's %s gives %s",
     "{1}: 기대 출력의 모양이 {2}입니다. 모델의 {3} 출력은 {4}입니다"},
    {"not a folder", "폴더가 아닙니다"},
    {"%s: %d test folders; only %d of them are checked",
     "{1}: 테스트 폴더가 {2}개입니다. 그중 {3}개만 검사합니다"},
    {"%s: no input_0.pb and no test_data_set_N folders",
     "{1}: input_0.pb도 test_data_set_N 폴더도 없습니다"},
    {"%s: '%s' is not a tolerance (a number ≥ 0)",
     "{1}: 허용 오차가 아닙니다: '{2}' (0 이상의 수여야 합니다)"},
    {"--threads: '%s' is not a number from 1 to 64",
     "--threads: 1에서 64 사이의 수가 아닙니다: '{1}'"},
    {"check: unknown option '%s' (see alexviz check --help)",
     "check: 알 수 없는 옵션입니다: '{1}' (alexviz check --help 참고)"},
    {"check: at most %zu folders at once", "check: 폴더는 한 번에 {1}개까지 받습니다"},
    {"check: needs MODEL.onnx and at least one test folder (see alexviz check --help)",
     "check: MODEL.onnx와 테스트 폴더가 하나 이상 필요합니다 (alexviz check --help 참고)"},
    {"%-4s %s: max abs error %.3g, max rel error %.3g",
     "{1} {2}: 최대 절대 오차 {3}, 최대 상대 오차 {4}"},
    {"FAIL", "FAIL"},
    {"PASS", "PASS"},
    {"; %d of %d values off, first [%d] %.9g vs %.9g",
     "; 값 {2}개 중 {1}개가 벗어남, 처음은 [{3}] {4} (기대값 {5})"},
    {"model %s: widths %s, %d×%d input, opset %lld%s%s, %lld parameters, loaded in %.0f ms\n",
     "모델 {1}: 너비 {2}, 입력 {3}×{4}, opset {5}{t6}{7}, 파라미터 {8}개, 읽는 데 {9} ms\n"},
    {", producer ", ", 만든 도구 "},
    {"      %s\n", "      {1}\n"},
    {"      compares %s (%s) with output_0.pb: |got − want| ≤ %g + %g·|want|\n",
     "      {1} ({2})의 출력을 output_0.pb와 비교: |출력 − 기대값| ≤ {3} + {4}·|기대값|\n"},
    {"check: %d folder%s: %d PASS, %d FAIL\n", "check: 폴더 {1}개: PASS {3}, FAIL {4}\n"},

    /* viz/cmd_bench.c, viz/bench_decode.c: alexviz bench */
    {"--runs: '%s' is not a number from 1 to 100000",
     "--runs: 1에서 100000 사이의 수가 아닙니다: '{1}'"},
    {"bench: one image at a time ('%s' and '%s')",
     "bench: 이미지는 한 번에 하나만 받습니다 ('{1}', '{2}')"},
    {"%s: cannot make the bench's JPEG", "{1}: 벤치마크용 JPEG을 만들 수 없습니다"},

    /* viz/cmd_view.c, viz/play.c, viz/window.c, viz/worker.c: the window */
    {"view --bench: no image given and no bundled photos found in assets/",
     "view --bench: 이미지가 주어지지 않았고 assets/에 내장 사진도 없습니다"},
    {"--playground: '%s' is not I,K,S,P (I 1-256; K, S, P 0-64) or a preset (conv1-227, "
     "conv1-224, pool1, conv2, LeNet-5-C1, small)",
     "--playground: '{1}'은(는) I,K,S,P(I 1-256, K·S·P 0-64)나 미리 정한 값(conv1-227, "
     "conv1-224, pool1, conv2, LeNet-5-C1, small)이 아닙니다"},
    {"--view: '%s' is not a view (pipeline, grid, zoom, lrn, arith, filters, pred, compute, lesson)",
     "--view: 없는 보기입니다: '{1}' (pipeline, grid, zoom, lrn, arith, filters, pred, compute, lesson 중 "
     "하나)"},
    {"--theme: '%s' is not dark or light", "--theme: dark나 light가 아닙니다: '{1}'"},
    {"--scale: '%s' is not a number from 0.5 to 3",
     "--scale: 0.5에서 3 사이의 수가 아닙니다: '{1}'"},
    {"--pace: '%s' is not a number of milliseconds from 100 to 5000",
     "--pace: 100에서 5000 사이의 밀리초 값이 아닙니다: '{1}'"},
    {"--play: out of memory", "--play: 메모리가 부족합니다"},
    {"--play: a word of %zu characters is too long", "--play: {1}글자짜리 단어는 너무 깁니다"},
    {"--play: unknown command '%s' (see alexviz view --help)",
     "--play: 알 수 없는 명령입니다: '{1}' (alexviz view --help 참고)"},
    {"--play: '%s%s%s' has a bad or missing argument",
     "--play: '{1}{2}{3}': 인수가 잘못되었거나 없습니다"},
    {"alexviz: %s failed: %s\n", "alexviz: {t1} 실패: {2}\n"},
    {"drawing the window", "창 그리기"},
    {"alexviz: cannot make a %d×%d drawing surface: %s\n",
     "alexviz: {1}×{2} 그리기 표면을 만들 수 없습니다: {3}\n"},
    {"alexviz: %s\n", "alexviz: {t1}\n"},
    {"no surface to save", "저장할 화면이 없습니다"},
    {"alexviz: --play: no stage '%s' in this network\n",
     "alexviz: --play: 이 네트워크에 없는 단계입니다: '{1}'\n"},
    {"alexviz: --play: unknown key '%s'\n", "alexviz: --play: 알 수 없는 키입니다: '{1}'\n"},
    {"alexviz: --play: cannot post the drop of %s: %s\n",
     "alexviz: --play: {1} 파일을 끌어다 놓는 이벤트를 보낼 수 없습니다: {2}\n"},
    {"alexviz: --play: the network did not settle within %.0f s before command %d\n",
     "alexviz: --play: {2}번 명령을 실행하기 전 {1}초 안에 네트워크 계산이 끝나지 않았습니다\n"},
    {"alexviz: no display to open a window on (%s); `alexviz trace IMAGE` prints every "
     "stage and `alexviz export IMAGE -o DIR` writes the pictures without one\n",
     "alexviz: 창을 열 디스플레이가 없습니다 ({t1}). 디스플레이 없이도 `alexviz trace "
     "IMAGE`로 모든 단계를 출력하고 `alexviz export IMAGE -o DIR`로 그림을 파일로 쓸 수 "
     "있습니다\n"},
    {"neither DISPLAY nor WAYLAND_DISPLAY is set",
     "DISPLAY도 WAYLAND_DISPLAY도 설정되어 있지 않습니다"},
    {"SDL found only its offscreen driver", "SDL이 화면 밖(offscreen) 드라이버만 찾았습니다"},
    {"alexviz: cannot draw into the window: %s\n", "alexviz: 창에 그릴 수 없습니다: {1}\n"},
    {"alexviz: no SDL event left for the worker: %s\n",
     "alexviz: 작업 스레드에 쓸 SDL 이벤트가 남아 있지 않습니다: {1}\n"},
    {"alexviz: out of memory\n", "alexviz: 메모리가 부족합니다\n"},
    {"alexviz: cannot start the worker thread\n", "alexviz: 작업 스레드를 시작할 수 없습니다\n"},
    {"out of memory for the window's copies", "창에 보여 줄 사본을 담을 메모리가 부족합니다"},
    {"%s: cannot be read", "{1}: 읽을 수 없습니다"},
    {"out of memory for the photo", "사진을 담을 메모리가 부족합니다"},

    /* viz/cmd_export.c: alexviz export */
    {"--scale: '%s' is not a whole number from 1 to 32",
     "--scale: 1에서 32 사이의 정수가 아닙니다: '{1}'"},
    {"--theme: '%s' is not light or dark", "--theme: light나 dark가 아닙니다: '{1}'"},
    {"--palette: '%s' is not screen or print", "--palette: screen이나 print가 아닙니다: '{1}'"},
    {"--paper: '%s' is not a4 or letter", "--paper: a4나 letter가 아닙니다: '{1}'"},
    {"--contrast: '%s' is not stage or map", "--contrast: stage나 map이 아닙니다: '{1}'"},
    {"export: no image given (see alexviz export --help)",
     "export: 이미지가 없습니다 (alexviz export --help 참고)"},
    {"export: no output folder given: add -o DIR",
     "export: 출력 폴더가 없습니다: -o DIR을 붙이세요"},
    {"--scale sizes the per-channel PNGs: add --channels",
     "--scale은 채널별 PNG의 크기를 정합니다: --channels를 함께 주세요"},
    {"--stages: '%.*s' is not a stage of this network (%s)",
     "--stages: 이 네트워크의 단계가 아닙니다: '{1}' ({2})"},
    {"--stages: no stage named", "--stages: 단계 이름이 없습니다"},
    {"%s: cannot create the folder: %s: %s", "{1}: 폴더를 만들 수 없습니다: {2}: {t3}"},
    {"%s: cannot create the folder: %s", "{1}: 폴더를 만들 수 없습니다: {t2}"},
    {"%s: cannot create the folder: %s is not a folder",
     "{1}: 폴더를 만들 수 없습니다: 폴더가 아닙니다: {2}"},
    {"%s: a symbolic link; alexviz writes only into folders under -o, not through links",
     "{1}: 심볼릭 링크입니다. alexviz는 -o 아래의 폴더에만 쓰고, 링크를 따라가 쓰지 않습니다"},
    {"%s: not a folder; alexviz writes only into folders under -o, not through links",
     "{1}: 폴더가 아닙니다. alexviz는 -o 아래의 폴더에만 쓰고, 링크를 따라가 쓰지 않습니다"},
    {"%s", "{t1}"},
    {"export failed", "내보내지 못했습니다"},
    {"%s already exists, and %ld other files; nothing was written (--force replaces them)",
     "{1}: 이미 있습니다. 다른 파일도 {2}개 있습니다. 아무것도 쓰지 않았습니다 "
     "(--force를 주면 바꿉니다)"},
    {"%s already exists; nothing was written (--force replaces it)",
     "{1}: 이미 있습니다. 아무것도 쓰지 않았습니다 (--force를 주면 바꿉니다)"},
    {"export: %s and %s would both be written to %s/%s; rename one",
     "export: {1}, {2}: 둘 다 {3}/{4}에 쓰게 됩니다. 하나의 이름을 바꾸세요"},
    {"\ralexviz export: %s  %d/%d files\x1b[K", "\ralexviz export: {1}  파일 {2}/{3}\x1b[K"},
    {"%s: %d files in %s (handout.pdf: %d pages)\n",
     "{1}: {3}에 파일 {2}개를 썼습니다 (handout.pdf: {4}쪽)\n"},
    {"%s: cannot make the animation: %s", "{1}: 애니메이션을 만들 수 없습니다: {2}"},
    {"%s: out of memory while encoding the PNG", "{1}: PNG로 인코딩하다가 메모리가 부족해졌습니다"},
    {"%s/handout.pdf: cannot draw the handout: %s",
     "{1}/handout.pdf: 유인물을 그릴 수 없습니다: {t2}"},
    {"cannot start a thread: %s", "스레드를 시작할 수 없습니다: {t1}"},
    {"%s: cannot draw: %s", "{1}: 그릴 수 없습니다: {t2}"},
    {"%s: cannot make the image: out of memory",
     "{1}: 이미지를 만들 수 없습니다: 메모리가 부족합니다"},

    /* viz/cmd_trace.c: trace --help */
    {"usage: alexviz trace IMAGE [--dump DIR] [options]\n"
     "\n"
     "Runs AlexNet on IMAGE (a photo, or a .npy float32 tensor of shape (3,S,S) or (1,3,S,S)\n"
     "used as the input as is) and prints every stage: operation, input → output shape, the\n"
     "shape arithmetic, parameters, MACs, receptive field, memory, time, statistics and the\n"
     "tower split; then the top-5 classes.\n"
     "\n"
     "  --dump DIR                   also write DIR/<stage>.npy for every stage (float32; C×H×W\n"
     "                               for maps, N for vectors) and DIR/trace.json\n"
     "  --force                      replace the files of an earlier dump in DIR\n"
     "  --dropout N                  then N passes with dropout as at training time (masks\n"
     "                               1 … N): how many units each kept, and the top-5 under each\n"
     "  --ten-crop                   then the paper's test: ten 227×227 patches of the photo\n"
     "                               scaled to 256 (corners, centre, their mirror images), each\n"
     "                               one's top-1 and the top-5 of their mean softmax\n"
     "  --help                       this text\n",
     "사용법: alexviz trace IMAGE [--dump DIR] [옵션]\n"
     "\n"
     "IMAGE(사진, 또는 그대로 입력으로 쓸 (3,S,S)나 (1,3,S,S) 모양의 float32 .npy 텐서)로\n"
     "AlexNet을 실행하고 모든 단계를 출력합니다: 연산, 입력 → 출력 크기, 크기 계산식,\n"
     "파라미터 수, 곱셈-누산(MAC) 수, 수용 영역(receptive field), 메모리, 시간, 통계,\n"
     "타워(tower) 분할. 끝으로 상위 5개 클래스를 보여 줍니다.\n"
     "\n"
     "  --dump DIR                   모든 단계를 DIR/<단계>.npy로도 씁니다 (float32, 맵은\n"
     "                               C×H×W, 벡터는 N). DIR/trace.json도 씁니다\n"
     "  --force                      DIR에 있는 예전 덤프 파일을 바꿉니다\n"
     "  --dropout N                  이어서 훈련 때처럼 드롭아웃을 켜고 N번 더 계산합니다\n"
     "                               (마스크 1 … N): 남은 유닛 수와 각각의 상위 5개\n"
     "  --ten-crop                   이어서 논문의 테스트 방식: 256으로 줄인 사진에서 227×227\n"
     "                               조각 열 개(네 모서리, 가운데, 그 좌우 반전)를 계산해 조각별\n"
     "                               1위와 소프트맥스 평균의 상위 5개를 보여 줌\n"
     "  --help                       이 도움말\n"},
    {"\ndropout at training time, %d masks: drop6 and drop7 zero each unit with probability "
     "0.5 and\ndouble the kept ones (at test time, above, nothing changes: the same in "
     "expectation)\n",
     "\n훈련 때의 드롭아웃, 마스크 {1}개: drop6과 drop7이 각 유닛을 확률 0.5로 0으로 만들고\n"
     "남은 유닛은 두 배로 합니다 (위의 테스트 때는 아무것도 바뀌지 않습니다: 기댓값이 "
     "같습니다)\n"},
    {"  mask %d: kept %d of %d in %s, %d of %d in %s; top-5 %s\n",
     "  마스크 {1}: {4}에서 {3}개 중 {2}개, {7}에서 {6}개 중 {5}개가 남음; 상위 5개 {8}\n"},
    {"%s: the ten patches are cut from a photo, not from a .npy input",
     "{1}: 조각 열 개는 .npy 입력이 아니라 사진에서 자릅니다"},
    {"\nthe paper's test: the photo's shorter side at %d, its centre %d×%d, and ten %d×%d "
     "patches of it\n(four corners, the centre, and the mirror image of each):\n",
     "\n논문의 테스트 방식: 사진의 짧은 변을 {1}로, 가운데 {2}×{3}을 자르고, 그 안의 {4}×{5} "
     "조각 열 개\n(네 모서리, 가운데, 그리고 각각의 좌우 반전):\n"},
    {"  %2d  %s at (%3d, %3d)  top-1 %6.2f%%  %4d%s%s\n",
     "  {1}  {2} ({3}, {4})  1위 {5}%%  {6}{7}{8}\n"},
    {"top-%d of the ten patches' mean softmax:\n", "조각 열 개의 소프트맥스 평균, 상위 {1}개:\n"},
    {"%s, mirrored", "{t1}, 좌우 반전"},
    {"top-left", "왼쪽 위"},
    {"top-right", "오른쪽 위"},
    {"bottom-left", "왼쪽 아래"},
    {"bottom-right", "오른쪽 아래"},
    {"centre", "가운데"},
    {"trace: --dropout takes 1 to 100 masks, not '%s'",
     "trace: --dropout에는 마스크 수 1~100을 씁니다 ('{1}'은 안 됩니다)"},

    /* viz/cmd_shapes.c: shapes --help */
    {"usage: alexviz shapes [options]\n"
     "\n"
     "Prints every stage of AlexNet with its geometry, input and output shape, parameters,\n"
     "multiply-accumulates, receptive field and activation memory, then the arithmetic of each\n"
     "stage with its real numbers. No image and no weights are needed: the flags below set the\n"
     "geometry, or a weights file does (its input size, pooling and LRN), the same file the\n"
     "other commands would run: --weights FILE.onnx, or the one `make weights` stored.\n"
     "\n"
     "  --help                       this text\n",
     "사용법: alexviz shapes [옵션]\n"
     "\n"
     "AlexNet의 모든 단계를 커널(kernel), 스트라이드(stride), 패딩(padding), 입력과 출력 크기,\n"
     "파라미터 수, 곱셈-누산(MAC) 수, 수용 영역(receptive field), 활성값 메모리와 함께 출력하고,\n"
     "이어서 각 단계의 계산식을 실제 숫자로 보여 줍니다. 이미지도 가중치도 필요 없습니다.\n"
     "구조는 아래 옵션으로 정하거나, 다른 명령이 실행할 가중치 파일(--weights FILE.onnx, 또는\n"
     "`make weights`로 받아 둔 파일)의 입력 크기, 풀링, LRN을 따릅니다.\n"
     "\n"
     "  --help                       이 도움말\n"},

    /* viz/cmd_check.c: check --help */
    {"usage: alexviz check MODEL.onnx DIR... [options]\n"
     "\n"
     "Loads MODEL.onnx (an AlexNet, as --weights would) and runs every ONNX test folder in\n"
     "DIR: a folder with input_0.pb and output_0.pb, or a folder of test_data_set_N folders.\n"
     "Prints the largest absolute and relative error per folder and PASS or FAIL; exits 1\n"
     "when any folder fails or cannot be read.\n"
     "\n"
     "  --rtol R                     relative tolerance (default 1e-3)\n"
     "  --atol A                     absolute tolerance (default 1e-7)\n"
     "  --threads N                  threads for the forward pass (default 2)\n"
     "  --help                       this text\n",
     "사용법: alexviz check MODEL.onnx DIR... [옵션]\n"
     "\n"
     "MODEL.onnx(--weights로 주는 것과 같은 AlexNet)를 읽고 DIR에 있는 ONNX 테스트 폴더를\n"
     "모두 실행합니다. DIR은 input_0.pb와 output_0.pb가 든 폴더, 또는 test_data_set_N 폴더들이\n"
     "든 폴더입니다. 폴더마다 가장 큰 절대 오차와 상대 오차, 그리고 PASS 또는 FAIL을\n"
     "출력합니다. 실패하거나 읽을 수 없는 폴더가 하나라도 있으면 종료 상태는 1입니다.\n"
     "\n"
     "  --rtol R                     상대 허용 오차 (기본값 1e-3)\n"
     "  --atol A                     절대 허용 오차 (기본값 1e-7)\n"
     "  --threads N                  순전파에 쓸 스레드 수 (기본값 2)\n"
     "  --help                       이 도움말\n"},

    /* viz/cli.c: the common options of every --help */
    {"  --weights default|FILE.onnx  seeded untrained weights, or trained ONNX weights; without\n"
     "                               it: weights/bvlcalexnet-12.onnx if `make weights` fetched it\n"
     "  --seed N                     seed of the default weights (default 1)\n"
     "  --variant NAME               caffe (default: paper order, 227, Caffe LRN),\n"
     "                               caffenet (LRN after pooling, as in the course notes),\n"
     "                               paper (the paper's LRN k=2 and alpha, within each tower),\n"
     "                               zoo (224 input with ceil pooling, as the ONNX model zoo)\n"
     "  --input-size 227|224         input side; 224 switches pooling to ceil rounding\n"
     "  --lrn caffe|paper            LRN formula: k=1, alpha/n (Caffe, ONNX) or k=2, alpha\n"
     "  --lrn-order before|after     LRN before pooling (paper, Caffe) or after (CaffeNet)\n"
     "  --lrn-window across|within   LRN window across all channels or within each tower\n"
     "  --threads N                  threads for the forward pass (default 2)\n"
     "  --lang en|ko                 language of labels and explanations (default from LANG)\n"
     "  --notes on|off               say where the course notes differ from the paper, at the\n"
     "                               stage where they do (default on)\n",
     "  --weights default|FILE.onnx  default는 시드로 만든 학습되지 않은 가중치, FILE.onnx는\n"
     "                               학습된 ONNX 가중치. 주지 않으면 `make weights`로 받아 둔\n"
     "                               weights/bvlcalexnet-12.onnx가 있을 때 그것을 씁니다\n"
     "  --seed N                     default 가중치의 시드 (기본값 1)\n"
     "  --variant NAME               caffe (기본값: 논문의 순서, 227, Caffe의 LRN),\n"
     "                               caffenet (강의 노트처럼 풀링(pooling) 뒤에 LRN),\n"
     "                               paper (논문의 LRN: k=2와 α, 각 타워(tower) 안에서만),\n"
     "                               zoo (ONNX 모델 저장소처럼 224 입력에 올림(ceil) 풀링)\n"
     "  --input-size 227|224         입력 한 변의 크기. 224이면 풀링이 올림(ceil)으로 바뀝니다\n"
     "  --lrn caffe|paper            LRN 공식: k=1, α/n (Caffe, ONNX) 또는 k=2, α (논문)\n"
     "  --lrn-order before|after     LRN을 풀링 앞(논문, Caffe)이나 뒤(CaffeNet)에 둡니다\n"
     "  --lrn-window across|within   LRN 창이 모든 채널에 걸치거나, 각 타워 안에만 머뭅니다\n"
     "  --threads N                  순전파에 쓸 스레드 수 (기본값 2)\n"
     "  --lang en|ko                 표시 문구와 설명의 언어 (기본값은 LANG을 따름)\n"
     "  --notes on|off               강의 노트와 논문이 다른 곳을 그 단계에서 알려 줌\n"
     "                               (기본값 on)\n"},

    /* viz/play.c: the --play commands (inside view --help) */
    {"      step  back  wait           → and ←; wait for the pass to finish or pause\n"
     "      stage:NAME  view:NAME      show a stage (conv1 … prob); a view (pipeline, grid, zoom,\n"
     "                                   lrn, arith, filters, pred, compute, lesson); `lrn` alone =\n"
     "                                   view:lrn\n"
     "      zoom:N  channel:N          the channel zoom on channel N; choose the channel\n"
     "      unit:X,Y                   select a unit in the zoom, LRN and compute views\n"
     "      slide:N                    the compute view's sliding window at position N (0: off)\n"
     "      lesson:lenet|training      the lesson view's page: LeNet-5 beside AlexNet, or why it\n"
     "                                   could be trained\n"
     "      playground:I,K,S,P         the compute view's playground (or a preset: conv1-227,\n"
     "                                   conv1-224, pool1, conv2, LeNet-5-C1, small; or off)\n"
     "      key:K                      press a key: a letter or digit, , . = / - [ ], or left right\n"
     "                                   up down space\n"
     "                                   home end pageup pagedown tab plus minus f11 esc\n"
     "      click:X,Y  move:X,Y        click at / move the pointer to window pixel X,Y\n"
     "      wheel:N                    N wheel notches at the pointer (negative: out)\n"
     "      photo:PATH  drop:PATH      load a photo (an unreadable one shows a message); the\n"
     "                                   same through a file-drop event\n"
     "      theme:dark|light  lang:en|ko  contrast:stage|map  scale:F  size:WxH\n"
     "      sleep:MS                   wait MS milliseconds\n"
     "      shot:PATH                  save the window as a PNG (atomically)\n"
     "      viewshot:PATH              save only the current view's rectangle (what the export\n"
     "                                   command draws for the same size)\n"
     "      stats                      print frame-time figures to stdout\n"
     "      status                     print the stage and view shown and the status line\n"
     "      quit                       close the window (exit status 0)\n"
     "      Before each command the window waits until the net is built and the pass has finished\n"
     "      or paused, so scripts are deterministic.\n",
     "      step  back  wait           → 키, ← 키, 계산이 끝나거나 멈출 때까지 기다리기\n"
     "      stage:NAME  view:NAME      단계 보기 (conv1 … prob), 보기 바꾸기 (pipeline, grid,\n"
     "                                   zoom, lrn, arith, filters, pred, compute, lesson).\n"
     "                                   `lrn` = view:lrn\n"
     "      zoom:N  channel:N          채널 N 확대 보기, 채널 고르기\n"
     "      unit:X,Y                   확대, LRN, 유닛 계산 보기에서 유닛 고르기\n"
     "      slide:N                    유닛 계산 보기의 움직이는 창을 N번째 위치에 (0: 끄기)\n"
     "      lesson:lenet|training      수업 보기의 쪽: LeNet-5와 AlexNet 비교, 또는 훈련할 수\n"
     "                                   있었던 이유\n"
     "      playground:I,K,S,P         유닛 계산 보기의 놀이터 (미리 정한 값: conv1-227,\n"
     "                                   conv1-224, pool1, conv2, LeNet-5-C1, small, 또는 off)\n"
     "      key:K                      키 누르기: 글자나 숫자, , . = / - [ ], 또는 left right\n"
     "                                   up down space\n"
     "                                   home end pageup pagedown tab plus minus f11 esc\n"
     "      click:X,Y  move:X,Y        창의 픽셀 X,Y를 클릭 / 포인터를 그곳으로 옮기기\n"
     "      wheel:N                    포인터 위치에서 휠을 N칸 굴리기 (음수: 축소)\n"
     "      photo:PATH  drop:PATH      사진 불러오기 (읽을 수 없는 사진이면 메시지가 뜸),\n"
     "                                   drop:PATH는 파일 끌어다 놓기 이벤트로 같은 일을 함\n"
     "      theme:dark|light  lang:en|ko  contrast:stage|map  scale:F  size:WxH\n"
     "      sleep:MS                   MS밀리초 기다리기\n"
     "      shot:PATH                  창을 PNG로 저장 (원자적으로)\n"
     "      viewshot:PATH              지금 보기의 영역만 저장 (같은 크기에서 export 명령이\n"
     "                                   그리는 그림과 같음)\n"
     "      stats                      프레임 시간 수치를 표준 출력에 쓰기\n"
     "      status                     보이는 단계와 보기, 상태 줄을 표준 출력에 쓰기\n"
     "      quit                       창 닫기 (종료 상태 0)\n"
     "      창은 명령마다 네트워크가 준비되고 계산이 끝나거나 멈출 때까지 기다렸다가\n"
     "      실행하므로, 스크립트는 언제나 같은 결과를 냅니다.\n"},

    /* viz/cmd_bench.c: bench --help */
    {"usage: alexviz bench [--runs N] [IMAGE] [options]\n"
     "\n"
     "Times the full network at batch 1 (default 2 threads) and prints\n"
     "forward_ms median=… min=… max=…, the per-stage medians, the cost of a hook that copies\n"
     "every stage's output, backward_ms for the gradient of the top class's probability with\n"
     "respect to the input, and the peak resident memory. IMAGE defaults to assets/chelsea.png.\n"
     "\n"
     "  --runs N                     timed runs per series (default 30, after 3 warm-up runs)\n"
     "  --help                       this text\n",
     "사용법: alexviz bench [--runs N] [IMAGE] [옵션]\n"
     "\n"
     "배치 크기 1(기본 스레드 2개)로 네트워크 전체의 시간을 재고, forward_ms의 중앙값·최솟값·\n"
     "최댓값, 단계별 중앙값, 모든 단계의 출력을 복사하는 훅의 비용, 입력에 대한 최상위\n"
     "클래스 확률의 기울기를 구하는 backward_ms, 최대 상주 메모리를 출력합니다. IMAGE를\n"
     "주지 않으면 assets/chelsea.png를 씁니다.\n"
     "\n"
     "  --runs N                     측정마다 실행 횟수 (기본값 30, 준비 실행 3번 뒤)\n"
     "  --help                       이 도움말\n"},

    /* viz/cmd_view.c: view --help (the --play commands go in its %s) */
    {"usage: alexviz [view] [IMAGE...] [options]\n"
     "\n"
     "Opens the classroom window: AlexNet runs on the photo on a worker thread and every stage\n"
     "appears as it is computed, tower A beside tower B. With no IMAGE the bundled photos in\n"
     "assets/ are used (PageUp/PageDown cycles them; drop a file on the window to use it).\n"
     "Press H in the window for every key.\n"
     "\n"
     "  --step                       start in step-through mode (→ or Space runs each stage)\n"
     "  --view NAME                  first view: pipeline, grid, zoom, lrn, arith, filters, pred,\n"
     "                               compute, lesson\n"
     "  --theme dark|light           colours (D switches in the window)\n"
     "  --scale F                    text and interface size, 0.5 to 3 (default 1; + and −)\n"
     "  --size WxH                   window size in pixels (320x240 to 8192x8192; default:\n"
     "                               most of the screen)\n"
     "  --fullscreen                 start fullscreen (F switches)\n"
     "  --playground I,K,S,P         start on the output-size playground (or a preset:\n"
     "                               conv1-227, conv1-224, pool1, conv2, LeNet-5-C1, small)\n"
     "  --pace MS                    play speed: one stage every MS milliseconds (default 800)\n"
     "  --play SCRIPT                run commands in the window, for demos and tests:\n"
     "%s  --force                      let --play's shot: and viewshot: replace existing files\n"
     "  --bench                      time the views offscreen at 1920×1080 and print figures\n"
     "  --help                       this text\n"
     "\n"
     "With no display the window cannot open: use `alexviz trace` or `alexviz export`.\n",
     "사용법: alexviz [view] [IMAGE...] [옵션]\n"
     "\n"
     "수업용 창을 엽니다. 작업 스레드에서 AlexNet이 사진을 처리하는 동안, 단계가 하나씩\n"
     "계산될 때마다 타워(tower) A와 타워 B를 나란히 보여 줍니다. IMAGE가 없으면 assets/에 든\n"
     "사진을 씁니다 (PageUp/PageDown으로 넘기고, 창에 파일을 끌어다 놓으면 그 파일을 씁니다).\n"
     "창에서 H를 누르면 모든 키를 볼 수 있습니다.\n"
     "\n"
     "  --step                       단계별 실행으로 시작 (→ 또는 Space로 한 단계씩 계산)\n"
     "  --view NAME                  처음 보기: pipeline, grid, zoom, lrn, arith, filters, pred,\n"
     "                               compute, lesson\n"
     "  --theme dark|light           색 테마 (창에서는 D로 전환)\n"
     "  --scale F                    글자와 화면 요소의 크기, 0.5~3 (기본값 1, 창에서는 +와 −)\n"
     "  --size WxH                   창 크기, 픽셀 단위 (320x240~8192x8192, 기본값: 화면의\n"
     "                               대부분)\n"
     "  --fullscreen                 전체 화면으로 시작 (F로 전환)\n"
     "  --playground I,K,S,P         출력 크기 놀이터로 시작 (미리 정한 값: conv1-227,\n"
     "                               conv1-224, pool1, conv2, LeNet-5-C1, small)\n"
     "  --pace MS                    재생 속도: MS밀리초마다 한 단계 (기본값 800)\n"
     "  --play SCRIPT                시연과 테스트를 위해 창에서 명령을 차례로 실행:\n"
     "%s  --force                      --play의 shot:과 viewshot:이 이미 있는 파일을 덮어쓰게 함\n"
     "  --bench                      화면 밖에서 1920×1080으로 보기를 그려 시간을 재고 출력\n"
     "  --help                       이 도움말\n"
     "\n"
     "디스플레이가 없으면 창을 열 수 없습니다: `alexviz trace`나 `alexviz export`를 쓰세요.\n"},

    /* viz/cmd_export.c: export --help */
    {"usage: alexviz export IMAGE... -o DIR [options]\n"
     "\n"
     "Writes, for each IMAGE (a photo or a .npy input tensor), a folder DIR/<name>/ with:\n"
     "  NN-<stage>.png     every stage as the window's map grid (tower A | tower B, title,\n"
     "                     arithmetic, colour scale); fc stages as heat strips; prob as top-5\n"
     "  pipeline.png       the whole network, both tower lanes\n"
     "  filters.png        conv1's 96 filters            lrn-<stage>.png  LRN before/after/ratio\n"
     "  predictions.png    the photo and the top-5       handout.pdf      a printable handout\n"
     "  manifest.json      every file with its stage, shape and statistics\n"
     "  <stage>/c###.png   with --channels: every channel of every map stage on its own\n"
     "\n"
     "  -o, --out DIR                the output folder (made if missing)\n"
     "  --channels                   also write one PNG per channel, pixel-exact\n"
     "  --scale N                    channel PNGs: each value an N×N square (default 1; 1–32)\n"
     "  --stages LIST                only these stages, comma-separated (e.g. conv1,pool5,prob)\n"
     "  --size WxH                   stage, pipeline, filters, LRN and prediction PNGs\n"
     "                               (320x240 to 8192x8192, default 1920x1080)\n"
     "  --theme light|dark           colours of the PNGs (default light; the PDF is always light)\n"
     "  --contrast stage|map         one colour scale per stage (default: compare channels), or\n"
     "                               each map stretched to its own range (see weak maps)\n"
     "  --palette screen|print       map colours: the window's, or print's, which keep the order\n"
     "                               and sign of values in greyscale (default: screen for the\n"
     "                               PNGs, print for the PDF)\n"
     "  --paper a4|letter            the handout's paper (default a4)\n"
     "  --force                      replace files that already exist\n"
     "  --help                       this text\n",
     "사용법: alexviz export IMAGE... -o DIR [옵션]\n"
     "\n"
     "IMAGE(사진 또는 .npy 입력 텐서)마다 DIR/<이름>/ 폴더를 만들어 다음을 씁니다:\n"
     "  NN-<단계>.png      각 단계를 창의 맵 격자처럼 (타워(tower) A | 타워 B, 제목, 계산식,\n"
     "                     색 눈금). fc 단계는 색 띠로, prob는 상위 5개로\n"
     "  pipeline.png       네트워크 전체, 두 타워의 흐름\n"
     "  filters.png        conv1의 필터 96개             lrn-<단계>.png   LRN 전/후/비율\n"
     "  predictions.png    사진과 상위 5개               handout.pdf      인쇄용 유인물\n"
     "  manifest.json      모든 파일과 그 단계, 모양, 통계\n"
     "  <단계>/c###.png    --channels를 주면: 맵이 있는 단계마다 모든 채널을 하나씩\n"
     "\n"
     "  -o, --out DIR                출력 폴더 (없으면 만듭니다)\n"
     "  --channels                   채널마다 PNG를 하나씩 더 씁니다 (픽셀 그대로)\n"
     "  --scale N                    채널 PNG: 값 하나를 N×N 정사각형으로 (기본값 1, 1–32)\n"
     "  --stages LIST                이 단계들만, 쉼표로 구분 (예: conv1,pool5,prob)\n"
     "  --size WxH                   단계, 파이프라인, 필터, LRN, 예측 PNG의 크기\n"
     "                               (320x240~8192x8192, 기본값 1920x1080)\n"
     "  --theme light|dark           PNG의 색 테마 (기본값 light, PDF는 언제나 light)\n"
     "  --contrast stage|map         stage: 단계마다 색 눈금 하나 (기본값, 채널끼리 비교),\n"
     "                               map: 맵마다 자기 범위로 늘림 (약한 맵도 보임)\n"
     "  --palette screen|print       맵의 색: screen은 창과 같은 색, print는 흑백으로 인쇄해도\n"
     "                               값의 순서와 부호가 보이는 색 (기본값: PNG는 screen,\n"
     "                               PDF는 print)\n"
     "  --paper a4|letter            유인물의 용지 (기본값 a4)\n"
     "  --force                      이미 있는 파일을 바꿉니다\n"
     "  --help                       이 도움말\n"},
};
const int msg_ko_count = (int)(sizeof msg_ko / sizeof msg_ko[0]);

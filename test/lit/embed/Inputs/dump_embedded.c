/* Writes the arrays that `semcom embed` produced back to files, so the test can compare them with
   the originals byte for byte. */
#include <stdio.h>

extern const unsigned char embed_blob_bin[];
extern const long long embed_blob_bin_len;
extern const unsigned char embed_page_1_html[];
extern const long long embed_page_1_html_len;
extern const unsigned char embed_empty_txt[];
extern const long long embed_empty_txt_len;

static int dump(const char *path, const unsigned char *data, long long len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return 1;
  size_t n = fwrite(data, 1, (size_t)len, f);
  return fclose(f) != 0 || n != (size_t)len;
}

int main(int argc, char **argv) {
  if (argc != 4)
    return 2;
  return dump(argv[1], embed_blob_bin, embed_blob_bin_len) |
         dump(argv[2], embed_page_1_html, embed_page_1_html_len) |
         dump(argv[3], embed_empty_txt, embed_empty_txt_len);
}

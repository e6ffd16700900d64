// cairo (2-D vector drawing, PNG out) and pango (Unicode text layout through fontconfig/HarfBuzz),
// reached only from SeaIceQuicklook's `Canvas`.
#include <cairo.h>
#include <pango/pangocairo.h>

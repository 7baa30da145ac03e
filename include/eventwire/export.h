/* Symbol visibility for the eventwire C interface. */
#ifndef EVENTWIRE_EXPORT_H
#define EVENTWIRE_EXPORT_H

#if defined(EW_STATIC)
#  define EW_API
#elif defined(_WIN32)
#  if defined(EW_BUILDING_LIBRARY)
#    define EW_API __declspec(dllexport)
#  else
#    define EW_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define EW_API __attribute__((visibility("default")))
#else
#  define EW_API
#endif

#endif /* EVENTWIRE_EXPORT_H */

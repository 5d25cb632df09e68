// Package minhbach embeds the default theme: the layouts and assets that a
// site without its own layouts/ or assets/ is built with. The repository
// root is also the demo site, so these are the demo site's own files.
package minhbach

import "embed"

// Theme holds layouts/, assets/ and the string tables i18n/ of the default
// theme.
//
//go:embed layouts assets i18n
var Theme embed.FS

package markdown

import (
	"testing"
	"unicode/utf8"
)

// TestMidBulletLead checks what the scan for bullets between words
// relies on: every mid bullet's UTF-8 begins with midBulletLead or a
// greater byte, and no smaller byte begins a rune that high.
func TestMidBulletLead(t *testing.T) {
	for _, r := range midBullets {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		if b[0] < midBulletLead {
			t.Errorf("mid bullet %q (U+%04X) begins with byte %#x, below midBulletLead %#x: the scan would skip it", r, r, b[0], midBulletLead)
		}
	}
}

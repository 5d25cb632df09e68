package markdown

import (
	"testing"
	"unicode/utf8"
)

// TestMidBulletsBeyondASCII keeps what wordHabits assumes when it looks
// only at letters beyond ASCII for bullets run together.
func TestMidBulletsBeyondASCII(t *testing.T) {
	for _, r := range midBullets {
		if r < utf8.RuneSelf {
			t.Errorf("bullet %q is ASCII: wordHabits would not see it between words", r)
		}
	}
}

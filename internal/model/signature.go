package model

import "time"

// Signature is a digital signature (chữ ký số) of a published PDF, as the
// signature itself says: the signer's name (from the certificate) and
// the signing time. Only intact signatures are recorded: a file changed
// after signing is an error, not a Signature.
type Signature struct {
	Signer string
	Time   time.Time
}

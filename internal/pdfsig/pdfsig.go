package pdfsig

import (
	"bytes"
	"cmp"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// Signature is one digital signature of a PDF file.
type Signature struct {
	// Signer is the common name (CN) of the signing certificate's subject,
	// or the signature's /Name entry when the certificate has none.
	Signer string
	// Time is the CMS signingTime attribute, or the signature's /M entry
	// when the CMS has none; zero when neither says.
	Time time.Time
	// Field is the name (/T) of the signature field.
	Field string
	// End is the offset just past the last byte the signature covers.
	End int64
	// TimeStamp marks a document time-stamp (SubFilter ETSI.RFC3161): a
	// time-stamp authority's proof that the file existed at Time, with no
	// signer. Signer is then "".
	TimeStamp bool
}

// File is what Read found in a PDF file.
type File struct {
	// Signatures are the intact signatures and document time-stamps, in
	// the order of the file's signature fields; none for an unsigned file.
	Signatures []Signature
	// Appended counts the bytes after the end of the last signature that
	// are not blank: a change saved after the file was signed. It is 0
	// when the last signature covers the whole file, and for an unsigned
	// file.
	Appended int64
}

// Signed reports whether the file has at least one signature made by a
// signer (a document time-stamp alone does not count).
func (f File) Signed() bool {
	for _, s := range f.Signatures {
		if !s.TimeStamp {
			return true
		}
	}
	return false
}

// ErrChanged reports that bytes of the file differ from the bytes a
// signature was made over: the file was edited after it was signed.
var ErrChanged = errors.New("the file was changed after it was signed")

// ErrInvalid reports a signature that cannot be checked or does not
// verify: its CMS is unreadable, its value does not match its certificate,
// or the certificate was not valid when the signature says it was made.
var ErrInvalid = errors.New("the digital signature is not valid")

// OID of the CMS signingTime attribute (RFC 5652 11.3).
var oidSigningTime = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}

// maxFields bounds the walk over form fields of a hostile file.
const maxFields = 10000

// Read returns the digital signatures of a PDF file. A file with no
// signature (or that is not a PDF) gives an empty File and no error. The
// error wraps ErrChanged or ErrInvalid when a signature is there but is
// not intact. Read never panics; it is safe for concurrent use.
func Read(data []byte) (f File, err error) {
	// A signature's /ByteRange and /Contents are file offsets and bytes,
	// so they are written out in the file, never inside a compressed
	// object stream: a file without the key has no signature to read.
	if !hasByteRange(data) {
		return File{}, nil
	}
	// The reader looks for the last %%EOF 200 bytes at a time from the
	// end and trusts the object numbers of the cross-reference tables:
	// give it the file up to its last %%EOF, and numbers it can afford.
	eof := bytes.LastIndex(data, []byte("%%EOF"))
	if eof < 0 {
		return File{}, fmt.Errorf("%w: the PDF cannot be read (it has no %%%%EOF: is it complete?)", ErrInvalid)
	}
	if err := checkNumbers(data); err != nil {
		return File{}, fmt.Errorf("%w: the PDF cannot be read (%v)", ErrInvalid, err)
	}
	defer func() {
		if r := recover(); r != nil {
			f, err = File{}, fmt.Errorf("%w: the PDF cannot be read (%v)", ErrInvalid, r)
		}
	}()
	head := data[:eof+len("%%EOF")]
	r, err := pdf.NewReader(bytes.NewReader(head), int64(len(head)))
	if err != nil {
		return File{}, fmt.Errorf("%w: the PDF cannot be read (%v)", ErrInvalid, err)
	}
	var sigs []pdf.Value
	var names []string
	n := 0
	var walk func(field pdf.Value, name, ft string, depth int)
	walk = func(field pdf.Value, name, ft string, depth int) {
		n++
		if n > maxFields || depth > 32 || field.Kind() != pdf.Dict {
			return
		}
		if t := field.Key("T").Text(); t != "" {
			name = strings.TrimPrefix(name+"."+t, ".")
		}
		if v := field.Key("FT").Name(); v != "" {
			ft = v // the field type is inherited by kids
		}
		if v := field.Key("V"); ft == "Sig" && v.Kind() == pdf.Dict && !v.Key("ByteRange").IsNull() {
			sigs = append(sigs, v)
			names = append(names, name)
		}
		kids := field.Key("Kids")
		for i := range kids.Len() {
			walk(kids.Index(i), name, ft, depth+1)
		}
	}
	fields := r.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	for i := range fields.Len() {
		walk(fields.Index(i), "", "", 0)
	}
	if len(sigs) == 0 {
		// A signature value that no signature field uses: a file cut
		// short after an earlier revision, or a damaged form.
		return File{}, fmt.Errorf("%w: the file holds a signature that its form does not use (is the file complete?)", ErrInvalid)
	}
	for i, v := range sigs {
		s, err := check(data, v)
		if err != nil {
			if names[i] != "" {
				return File{}, fmt.Errorf("signature %q: %w", names[i], err)
			}
			return File{}, err
		}
		s.Field = names[i]
		f.Signatures = append(f.Signatures, s)
	}
	if len(f.Signatures) > 0 {
		end := slices.MaxFunc(f.Signatures, func(a, b Signature) int { return cmp.Compare(a.End, b.End) }).End
		f.Appended = int64(len(bytes.TrimRight(data[end:], "\x00\t\n\f\r ")))
	}
	return f, nil
}

// hasByteRange reports whether data has "/ByteRange [" followed by a
// number: the start of a signature's byte range.
func hasByteRange(data []byte) bool {
	for i := range keyAt(data, "/ByteRange") {
		rest := bytes.TrimLeft(data[i:], pdfSpace)
		if len(rest) > 0 && rest[0] == '[' {
			if _, _, ok := number(rest[1:]); ok {
				return true
			}
		}
	}
	return false
}

// checkNumbers rejects a file whose cross-reference numbers need more
// objects than its bytes could hold: a damaged file, for which the reader
// would otherwise allocate tables of that size. It looks at what the
// reader sizes its tables by: /Size, the /Index pairs of cross-reference
// streams and the subsection headers of cross-reference tables ("7 3"
// alone on a line after "xref").
func checkNumbers(data []byte) error {
	limit := uint64(len(data)) + 1024
	tooMany := func(start, count uint64) error {
		if start > limit || count > limit-start {
			return fmt.Errorf("its cross-reference table numbers objects from %d on, %d of them, more than its %d bytes can hold", start, count, len(data))
		}
		return nil
	}
	for i := range keyAt(data, "/Size") {
		if n, _, ok := number(data[i:]); ok {
			if err := tooMany(0, n); err != nil {
				return err
			}
		}
	}
	for i := range keyAt(data, "/Index") {
		rest := bytes.TrimLeft(data[i:], pdfSpace)
		if len(rest) == 0 || rest[0] != '[' {
			continue
		}
		rest = rest[1:]
		for {
			start, after, ok := number(rest)
			if !ok {
				break
			}
			count, after, ok := number(after)
			if !ok {
				break
			}
			if err := tooMany(start, count); err != nil {
				return err
			}
			rest = after
		}
	}
	for i := range keyAt(data, "xref") {
		if i >= 9 && string(data[i-9:i-4]) == "start" {
			continue
		}
		for line := range bytes.Lines(data[i:]) {
			f := bytes.Fields(line)
			if len(f) == 0 {
				continue
			}
			if len(f) == 2 {
				start, _, ok1 := number(f[0])
				count, _, ok2 := number(f[1])
				if !ok1 || !ok2 {
					break
				}
				if err := tooMany(start, count); err != nil {
					return err
				}
			} else if len(f) != 3 {
				break // "trailer", or not a table
			}
		}
	}
	return nil
}

// pdfSpace is the white space of PDF syntax.
const pdfSpace = "\x00\t\n\f\r "

// keyAt yields the offset just past each occurrence of key in data.
func keyAt(data []byte, key string) func(func(int) bool) {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := bytes.Index(data[off:], []byte(key))
			if i < 0 {
				return
			}
			off += i + len(key)
			if !yield(off) {
				return
			}
		}
	}
}

// number reads the unsigned integer at the start of b after white space;
// one too large for 64 bits reads as the largest.
func number(b []byte) (n uint64, rest []byte, ok bool) {
	b = bytes.TrimLeft(b, pdfSpace)
	d := 0
	for d < len(b) && b[d] >= '0' && b[d] <= '9' {
		d++
	}
	if d == 0 || d < len(b) && (b[d] == '.' || b[d] == 'R') {
		return 0, b, false
	}
	n, err := strconv.ParseUint(string(b[:d]), 10, 64)
	if err != nil {
		n = math.MaxUint64
	}
	return n, b[d:], true
}

// check verifies one signature dictionary against the file's bytes.
func check(data []byte, v pdf.Value) (Signature, error) {
	br := v.Key("ByteRange")
	if br.Len() != 4 {
		return Signature{}, fmt.Errorf("%w: its byte range has %d numbers, not 4", ErrInvalid, br.Len())
	}
	var n [4]int64
	for i := range n {
		if br.Index(i).Kind() != pdf.Integer || br.Index(i).Int64() < 0 {
			return Signature{}, fmt.Errorf("%w: its byte range %v is not four whole numbers", ErrInvalid, br)
		}
		n[i] = br.Index(i).Int64()
	}
	size := int64(len(data))
	if n[0] != 0 || n[1] > n[2] || n[2] > size || n[3] > size-n[2] {
		return Signature{}, fmt.Errorf("%w: its byte range %v does not fit the file's %d bytes", ErrChanged, br, size)
	}
	contents := v.Key("Contents").RawString()
	// The only bytes left out must be the signature value itself, written
	// as a hexadecimal string: anything else means the spans have moved.
	hole := data[n[1]:n[2]]
	if len(hole) < 2 || hole[0] != '<' || hole[len(hole)-1] != '>' {
		return Signature{}, fmt.Errorf("%w: the bytes its byte range leaves out are not its value", ErrChanged)
	}
	value, err := hex.DecodeString(string(bytes.Join(bytes.Fields(hole[1:len(hole)-1]), nil)))
	if err != nil || !bytes.Equal(value, []byte(contents)) {
		return Signature{}, fmt.Errorf("%w: the bytes its byte range leaves out are not its value", ErrChanged)
	}
	signed := slices.Concat(data[:n[1]], data[n[2]:n[2]+n[3]])
	end := n[2] + n[3]
	if v.Key("SubFilter").Name() == "ETSI.RFC3161" {
		// A document time-stamp: the token's message imprint is the
		// digest of the signed bytes.
		ts, err := timestamp.Parse([]byte(contents))
		if err != nil {
			return Signature{}, fmt.Errorf("%w: its time-stamp token cannot be read or does not verify (%v)", ErrInvalid, err)
		}
		if !ts.HashAlgorithm.Available() {
			return Signature{}, fmt.Errorf("%w: its time-stamp uses an unknown digest algorithm", ErrInvalid)
		}
		h := ts.HashAlgorithm.New()
		h.Write(signed)
		if !bytes.Equal(h.Sum(nil), ts.HashedMessage) {
			return Signature{}, ErrChanged
		}
		return Signature{Time: ts.Time, End: end, TimeStamp: true}, nil
	}
	p7, err := pkcs7.Parse([]byte(contents))
	if err != nil {
		return Signature{}, fmt.Errorf("%w: its CMS cannot be read (%v)", ErrInvalid, err)
	}
	p7.Content = signed
	if err := p7.Verify(); err != nil {
		if _, ok := errors.AsType[*pkcs7.MessageDigestMismatchError](err); ok {
			return Signature{}, ErrChanged
		}
		return Signature{}, fmt.Errorf("%w (%v)", ErrInvalid, err)
	}
	s := Signature{End: end}
	if cert := p7.GetOnlySigner(); cert != nil {
		s.Signer = strings.TrimSpace(cert.Subject.CommonName)
	}
	if s.Signer == "" {
		s.Signer = strings.TrimSpace(v.Key("Name").Text())
	}
	var t time.Time
	if err := p7.UnmarshalSignedAttribute(oidSigningTime, &t); err == nil && !t.IsZero() {
		s.Time = t
	} else if m, ok := pdfDate(v.Key("M").Text()); ok {
		s.Time = m
	}
	return s, nil
}

// pdfDate parses a PDF date string, "D:YYYYMMDDHHmmSSOHH'mm'", whose
// parts after the year are optional (ISO 32000-1 7.9.4); a date without a
// zone is taken as UTC.
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits < 4 || digits%2 != 0 || digits > 14 {
		return time.Time{}, false
	}
	date, zone := s[:digits], s[digits:]
	layout := "20060102150405"[:digits]
	loc := time.UTC
	if zone != "" && zone[0] != 'Z' {
		var sign, h, m int
		switch zone[0] {
		case '+':
			sign = 1
		case '-':
			sign = -1
		default:
			return time.Time{}, false
		}
		rest := strings.ReplaceAll(zone[1:], "'", "")
		if _, err := fmt.Sscanf(rest+"00", "%02d%02d", &h, &m); err != nil || h > 23 || m > 59 {
			return time.Time{}, false
		}
		loc = time.FixedZone("", sign*(h*3600+m*60))
	}
	t, err := time.ParseInLocation(layout, date, loc)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

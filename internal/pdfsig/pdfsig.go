package pdfsig

import (
	"bytes"
	"cmp"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pkcs7"
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
}

// File is what Read found in a PDF file.
type File struct {
	// Signatures are the intact signatures, in the order of the file's
	// signature fields; none for an unsigned file.
	Signatures []Signature
	// Appended counts the bytes after the end of the last signature that
	// are not blank: a change saved after the file was signed. It is 0
	// when the last signature covers the whole file, and for an unsigned
	// file.
	Appended int64
}

// Signed reports whether the file has at least one signature.
func (f File) Signed() bool { return len(f.Signatures) > 0 }

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
	if !byteRange.Match(data) {
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

// byteRange finds the start of a signature's byte range.
var byteRange = regexp.MustCompile(`/ByteRange[ \t\r\n]*\[[ \t\r\n]*\d`)

// xrefNumbers finds the object counts a PDF reader sizes its tables by:
// /Size, the subsection headers of cross-reference tables ("7 3" alone on
// a line) and the /Index pairs of cross-reference streams.
var xrefNumbers = regexp.MustCompile(`(?m)/Size[ \t\r\n]+(\d+)|^[ \t]*(\d+)[ \t]+(\d+)[ \t]*\r?$|/Index[ \t\r\n]*\[([\d \t\r\n]*)\]`)

// checkNumbers rejects a file whose cross-reference numbers need more
// objects than its bytes could hold: a damaged file, which the reader
// would otherwise try to allocate tables for.
func checkNumbers(data []byte) error {
	limit := uint64(len(data)) + 1024
	for _, m := range xrefNumbers.FindAllSubmatch(data, -1) {
		var nums []uint64
		for _, g := range m[1:] {
			for _, f := range bytes.Fields(g) {
				n, err := strconv.ParseUint(string(f), 10, 64)
				if err != nil {
					n = math.MaxUint64
				}
				nums = append(nums, n)
			}
		}
		if len(nums) == 1 && nums[0] > limit {
			return fmt.Errorf("its /Size %d is more objects than its %d bytes can hold", nums[0], len(data))
		}
		for i := 0; i+1 < len(nums); i += 2 {
			if nums[i] > limit || nums[i+1] > limit-nums[i] {
				return fmt.Errorf("its cross-reference table numbers objects up to %d, more than its %d bytes can hold", uint64(nums[i])+nums[i+1], len(data))
			}
		}
	}
	return nil
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
	p7, err := pkcs7.Parse([]byte(contents))
	if err != nil {
		return Signature{}, fmt.Errorf("%w: its CMS cannot be read (%v)", ErrInvalid, err)
	}
	p7.Content = slices.Concat(data[:n[1]], data[n[2]:n[2]+n[3]])
	if err := p7.Verify(); err != nil {
		if _, ok := errors.AsType[*pkcs7.MessageDigestMismatchError](err); ok {
			return Signature{}, ErrChanged
		}
		return Signature{}, fmt.Errorf("%w (%v)", ErrInvalid, err)
	}
	s := Signature{End: n[2] + n[3]}
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

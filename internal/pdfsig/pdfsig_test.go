package pdfsig_test

import (
	"bytes"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"minhbach/internal/pdfsig"
	"minhbach/internal/testsign"
)

const officeName = "Văn phòng UBND tỉnh Sơn Hà (chứng thư thử nghiệm)"

func newSigner(t testing.TB, cn string) *testsign.Signer {
	t.Helper()
	s, err := testsign.New(cn, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func signed(t testing.TB, s *testsign.Signer, data []byte, name string) []byte {
	t.Helper()
	out, err := s.Sign(data, name, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUnsigned(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"pdf", testsign.PDF("Cong bao so 1")},
		{"not a pdf", []byte("%PDF-1.4 quyết định 25\n")},
		{"empty", nil},
		{"byterange in text, not a pdf", []byte("/ByteRange [0 1 2 3]")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := pdfsig.Read(tt.data)
			if tt.name == "byterange in text, not a pdf" {
				if !errors.Is(err, pdfsig.ErrInvalid) {
					t.Errorf("Read = %+v, %v; want ErrInvalid", f, err)
				}
				return
			}
			if err != nil || f.Signed() || f.Appended != 0 {
				t.Errorf("Read = %+v, %v; want no signature and no error", f, err)
			}
		})
	}
}

func TestSigned(t *testing.T) {
	s := newSigner(t, officeName)
	before := time.Now().Add(-time.Second)
	data := signed(t, s, testsign.PDF("Cong bao so 28 nam 2026"), "Văn phòng UBND")
	after := time.Now().Add(time.Second)

	f, err := pdfsig.Read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(f.Signatures) != 1 {
		t.Fatalf("Read found %d signatures, want 1", len(f.Signatures))
	}
	sig := f.Signatures[0]
	if sig.Signer != officeName {
		t.Errorf("Signer = %q, want the certificate's CN %q", sig.Signer, officeName)
	}
	if sig.Time.Before(before.Truncate(time.Second)) || sig.Time.After(after) {
		t.Errorf("Time = %v, want between %v and %v", sig.Time, before, after)
	}
	if f.Appended != 0 {
		t.Errorf("Appended = %d, want 0", f.Appended)
	}
	if sig.End < int64(len(bytes.TrimRight(data, "\r\n"))) {
		t.Errorf("End = %d of %d bytes: the signature does not cover the file", sig.End, len(data))
	}
}

// TestNameFallback: a certificate without a common name gives the /Name of
// the signature, decoded from UTF-16.
func TestNameFallback(t *testing.T) {
	s := newSigner(t, "")
	data := signed(t, s, testsign.PDF("x"), "Nguyễn Văn An")
	f, err := pdfsig.Read(data)
	if err != nil || len(f.Signatures) != 1 {
		t.Fatalf("Read = %+v, %v", f, err)
	}
	if got := f.Signatures[0].Signer; got != "Nguyễn Văn An" {
		t.Errorf("Signer = %q, want the /Name %q", got, "Nguyễn Văn An")
	}
}

func TestTwoSignatures(t *testing.T) {
	a, b := newSigner(t, "Ủy ban nhân dân tỉnh Sơn Hà"), newSigner(t, officeName)
	data := signed(t, b, signed(t, a, testsign.PDF("x"), "UBND"), "VP")
	f, err := pdfsig.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range f.Signatures {
		names = append(names, s.Signer)
	}
	if got := strings.Join(names, " | "); got != "Ủy ban nhân dân tỉnh Sơn Hà | "+officeName || f.Appended != 0 {
		t.Errorf("signers = %s, appended %d; want both in order and nothing appended", got, f.Appended)
	}
}

func TestTampered(t *testing.T) {
	s := newSigner(t, officeName)
	orig := signed(t, s, testsign.PDF("Muc thu 15000 dong"), "VP")
	i := bytes.Index(orig, []byte("15000"))
	tampered := bytes.Clone(orig)
	tampered[i] = '9' // 95000 đồng: same length, so every offset still fits

	_, err := pdfsig.Read(tampered)
	if !errors.Is(err, pdfsig.ErrChanged) {
		t.Errorf("Read(tampered) error = %v, want ErrChanged", err)
	}
	if _, err := pdfsig.Read(orig); err != nil {
		t.Errorf("Read(original) error = %v", err)
	}
}

// TestByteRangeEdited rewrites the numbers of the byte range in place:
// past the end of the file, or covering less than was signed.
func TestByteRangeEdited(t *testing.T) {
	s := newSigner(t, officeName)
	data := signed(t, s, testsign.PDF("x"), "VP")
	m := regexp.MustCompile(`/ByteRange \[0 (\d+) (\d+) (\d+)\]`).FindSubmatchIndex(data)
	if m == nil {
		t.Fatal("no /ByteRange in the signed file")
	}
	last := string(data[m[6]:m[7]])
	for _, tt := range []struct{ name, last string }{
		{"past the end", "9" + last[1:]},
		{"short of the end", "1" + last[1:]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := slices.Concat(data[:m[6]], []byte(tt.last), data[m[7]:])
			_, err := pdfsig.Read(bad)
			if !errors.Is(err, pdfsig.ErrChanged) {
				t.Errorf("Read error = %v, want ErrChanged", err)
			}
		})
	}
}

func TestAppendedAfterSigning(t *testing.T) {
	s := newSigner(t, officeName)
	data := signed(t, s, testsign.PDF("x"), "VP")
	more := append(bytes.Clone(data), []byte("\n% an incremental update saved later\n1 0 obj\n<< >>\nendobj\n%%EOF\n")...)
	f, err := pdfsig.Read(more)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if !f.Signed() || f.Appended == 0 {
		t.Errorf("Read = %+v, want the signature and the appended bytes counted", f)
	}
	blank := append(bytes.Clone(data), "\r\n\n  "...)
	if f, err := pdfsig.Read(blank); err != nil || f.Appended != 0 {
		t.Errorf("trailing blanks: Read = %+v, %v; want nothing appended", f, err)
	}
}

// TestBrokenSignature changes the signature value itself: the bytes the
// signature covers are intact but the CMS no longer verifies or parses.
func TestBrokenSignature(t *testing.T) {
	s := newSigner(t, officeName)
	data := signed(t, s, testsign.PDF("x"), "VP")
	start := bytes.Index(data, []byte("/Contents<")) + len("/Contents<")
	for _, tt := range []struct {
		name string
		at   int
	}{
		{"first byte of the CMS", start},
		// The CMS ends with the signer's signature value.
		{"inside the signature value", start + 2*(cmsLength(t, data[start:])-4)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := bytes.Clone(data)
			if bad[tt.at] == 'f' {
				bad[tt.at] = '0'
			} else {
				bad[tt.at] = 'f'
			}
			_, err := pdfsig.Read(bad)
			if !errors.Is(err, pdfsig.ErrInvalid) {
				t.Errorf("Read error = %v, want ErrInvalid", err)
			}
		})
	}
}

// TestDamagedFile: damage outside the signed spans that a PDF reader
// would spend minutes or gigabytes on is reported at once.
func TestDamagedFile(t *testing.T) {
	s := newSigner(t, officeName)
	data := signed(t, s, testsign.PDF("x"), "VP")
	noEOF := slices.Concat(bytes.TrimSuffix(bytes.TrimRight(data, "\n"), []byte("%%EOF")), bytes.Repeat([]byte("x"), 1<<20))
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"huge object number in the xref table", bytes.Replace(data, []byte("xref\n0 6\n"), []byte("xref\n70000000 6\n"), 1)},
		{"huge /Size", bytes.Replace(data, []byte("/Size 6"), []byte("/Size 900000000000"), 1)},
		{"cut before %%EOF, a megabyte of junk", noEOF},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(tt.data, data) {
				t.Fatal("the damage was not applied")
			}
			start := time.Now()
			_, err := pdfsig.Read(tt.data)
			if !errors.Is(err, pdfsig.ErrInvalid) {
				t.Errorf("Read error = %v, want ErrInvalid", err)
			}
			t.Logf("%v in %v", err, time.Since(start))
		})
	}
}

func FuzzRead(f *testing.F) {
	s := newSigner(f, officeName)
	f.Add(testsign.PDF("x"))
	f.Add(signed(f, s, testsign.PDF("x"), "VP"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := pdfsig.Read(data)
		if err != nil && file.Signed() {
			t.Errorf("Read returned signatures and an error")
		}
		if err != nil && !errors.Is(err, pdfsig.ErrChanged) && !errors.Is(err, pdfsig.ErrInvalid) {
			t.Errorf("Read error %v wraps neither ErrChanged nor ErrInvalid", err)
		}
	})
}

// cmsLength returns the length in bytes of the DER value written in hex
// at the start of b (the signature value is padded with zeros after it).
func cmsLength(t *testing.T, b []byte) int {
	t.Helper()
	raw, err := hex.DecodeString(string(b[:bytes.IndexByte(b, '>')]))
	if err != nil {
		t.Fatal(err)
	}
	rest, err := asn1.Unmarshal(raw, &asn1.RawValue{})
	if err != nil {
		t.Fatal(err)
	}
	return len(raw) - len(rest)
}

// TestDocumentTimeStamp: a signed file with a document time-stamp after
// the signature (PAdES-LTA) reads as signed by the signer, the time-stamp
// covering the whole file; a time-stamp alone is not a signature.
func TestDocumentTimeStamp(t *testing.T) {
	tsa := newSigner(t, "Trung tâm cấp dấu thời gian (thử nghiệm)")
	srv := httptest.NewServer(tsa.TSA())
	defer srv.Close()
	s := newSigner(t, officeName)
	data, err := testsign.TimeStamp(signed(t, s, testsign.PDF("x"), "VP"), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pdfsig.Read(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(f.Signatures) != 2 || f.Signatures[0].Signer != officeName || !f.Signatures[1].TimeStamp || f.Appended != 0 || !f.Signed() {
		t.Errorf("Read = %+v, want the signature then the time-stamp, nothing appended", f)
	}
	tampered := bytes.Replace(data, []byte("/DocTimeStamp"), []byte("/DocTimeStamq"), 1)
	if bytes.Equal(tampered, data) || len(tampered) != len(data) {
		t.Fatal("the edit was not applied")
	}
	if _, err := pdfsig.Read(tampered); !errors.Is(err, pdfsig.ErrChanged) {
		t.Errorf("Read(time-stamped, then edited) error = %v, want ErrChanged", err)
	}

	only, err := testsign.TimeStamp(testsign.PDF("x"), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	f, err = pdfsig.Read(only)
	if err != nil || f.Signed() || len(f.Signatures) != 1 {
		t.Errorf("time-stamp only: Read = %+v, %v; want one time-stamp and Signed() false", f, err)
	}
}

// BenchmarkRead reads a signed 20 MB PDF (the size of a large gazette
// issue): the cost is hashing the signed bytes.
func BenchmarkRead(b *testing.B) {
	s := newSigner(b, officeName)
	data := signed(b, s, testsign.PDF(strings.Repeat("Cong bao tinh Son Ha ", 1<<20)), "VP")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if f, err := pdfsig.Read(data); err != nil || !f.Signed() {
			b.Fatalf("Read = %+v, %v", f, err)
		}
	}
}

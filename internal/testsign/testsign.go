// Package testsign makes self-signed certificates and digitally signs PDF
// files with them, so that tests and the demo site have signed gazette
// PDFs without a binary fixture or a private key on disk. The product never
// imports it (internal/build/imports_test.go); signing is
// github.com/digitorus/pdfsign's.
package testsign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
	"github.com/digitorus/timestamp"
)

// Signer is a private key held in memory with its self-signed certificate.
type Signer struct {
	Key  crypto.Signer
	Cert *x509.Certificate
}

// New makes a fresh ECDSA P-256 key and a self-signed certificate whose
// subject common name is name, valid from notBefore for ten years.
func New(name string, notBefore time.Time) (*Signer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: name, Country: []string{"VN"}},
		NotBefore:    notBefore,
		NotAfter:     notBefore.AddDate(10, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		// Document signing (RFC 9336).
		UnknownExtKeyUsage: []asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 36}},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, fmt.Errorf("create certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &Signer{Key: key, Cert: cert}, nil
}

// Sign returns the PDF in data with a digital signature appended as an
// incremental update: the original bytes stay as they are, followed by a
// signature field whose /Name is name and /M is at. The CMS signingTime
// is the time of the call (the library sets it).
func (s *Signer) Sign(data []byte, name string, at time.Time) ([]byte, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read PDF: %w", err)
	}
	var out bytes.Buffer
	err = sign.Sign(bytes.NewReader(data), &out, r, int64(len(data)), sign.SignData{
		Signature: sign.SignDataSignature{
			CertType: sign.ApprovalSignature,
			Info:     sign.SignDataSignatureInfo{Name: name, Date: at},
		},
		Signer:          s.Key,
		Certificate:     s.Cert,
		DigestAlgorithm: crypto.SHA256,
	})
	if err != nil {
		return nil, fmt.Errorf("sign PDF: %w", err)
	}
	return out.Bytes(), nil
}

// TSA returns an RFC 3161 time-stamp authority answering with s's
// certificate (serve it with net/http/httptest on the loopback address).
func (s *Signer) TSA() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req, err := timestamp.ParseRequest(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ts := timestamp.Timestamp{HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage, Time: time.Now(),
			Nonce: req.Nonce, Policy: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1}, AddTSACertificate: true}
		resp, err := ts.CreateResponseWithOpts(s.Cert, s.Key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(resp)
	})
}

// TimeStamp returns the PDF in data with a document time-stamp
// (ETSI.RFC3161) from the time-stamp authority at url appended.
func TimeStamp(data []byte, url string) ([]byte, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read PDF: %w", err)
	}
	var out bytes.Buffer
	err = sign.Sign(bytes.NewReader(data), &out, r, int64(len(data)), sign.SignData{
		Signature:       sign.SignDataSignature{CertType: sign.TimeStampSignature},
		TSA:             sign.TSA{URL: url},
		DigestAlgorithm: crypto.SHA256,
	})
	if err != nil {
		return nil, fmt.Errorf("time-stamp PDF: %w", err)
	}
	return out.Bytes(), nil
}

// PDF returns a minimal one-page PDF whose page shows text (ASCII only),
// with a correct cross-reference table.
func PDF(text string) []byte {
	content := fmt.Sprintf("BT /F1 12 Tf 72 770 Td (%s) Tj ET", text)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

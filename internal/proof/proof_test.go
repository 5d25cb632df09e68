package proof_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"

	"minhbach/internal/proof"
)

func TestSignatureRoundTrip(t *testing.T) {
	pub, privPEM, err := proof.NewKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := proof.ParsePrivateKey(privPEM)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(privPEM, []byte("-----BEGIN PRIVATE KEY-----\n")) {
		t.Errorf("private key is not PKCS #8 PEM:\n%s", privPEM)
	}
	m := proof.Manifest{Format: proof.Format, Site: "https://vp.example.gov.vn/", Built: "2026-11-23T00:00:00+07:00",
		Files: []proof.File{{Path: "z.html", Size: 1, SHA256: strings.Repeat("a", 64)}, {Path: "a.html", Size: 2, SHA256: strings.Repeat("b", 64)}},
		Items: []proof.Item{{Kind: "procedure", ID: "1.000001", Title: "T"}, {Kind: "document", ID: "1/QĐ-UBND", Title: "<b>&"}}}
	data := m.Marshal()
	sig := proof.Sign(priv, data)
	if !proof.Verify(pub, data, sig) {
		t.Fatal("the signature of the manifest does not verify")
	}
	// The public key survives site.yaml's text and PEM.
	for _, text := range []string{proof.PublicKeyText(pub), string(proof.PublicKeyPEM(pub))} {
		k, err := proof.ParsePublicKey(text)
		if err != nil || !k.Equal(pub) {
			t.Errorf("ParsePublicKey(%q) = %v, %v", text, k, err)
		}
	}
	// One changed byte, another key, a cut signature: refused.
	changed := bytes.Clone(data)
	changed[len(changed)/2] ^= 1
	other, _, _ := ed25519.GenerateKey(rand.Reader)
	for name, ok := range map[string]bool{
		"changed byte": proof.Verify(pub, changed, sig),
		"other key":    proof.Verify(other, data, sig),
		"short sig":    proof.Verify(pub, data, sig[:63]),
	} {
		if ok {
			t.Errorf("%s: verified", name)
		}
	}
	// Sorted, one record a line, parsed back the same.
	back, err := proof.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Files[0].Path != "a.html" || back.Items[0].Kind != "document" || back.Items[1].Title != "T" {
		t.Errorf("parsed back %+v", back)
	}
	if !bytes.Equal(back.Marshal(), data) {
		t.Errorf("Marshal(Parse(m)) differs from m")
	}
	if n := bytes.Count(data, []byte("\n")); n != 9 {
		t.Errorf("manifest has %d lines, want 9:\n%s", n, data)
	}
}

func TestParsePrivateKeyRefusesOthers(t *testing.T) {
	pub, _, _ := proof.NewKey(rand.Reader)
	for _, bad := range []string{"", "hello", string(proof.PublicKeyPEM(pub))} {
		if _, err := proof.ParsePrivateKey([]byte(bad)); err != proof.ErrNotPrivateKey {
			t.Errorf("ParsePrivateKey(%.20q) = %v", bad, err)
		}
	}
}

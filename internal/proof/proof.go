// Package proof is the signed record of what a build published: the
// manifest (path, size and SHA-256 of every published file, and the
// content items the site holds), its Ed25519 signature, and the keys that
// make and check it. It writes nothing to disk and reads only the bytes
// and the fs.FS it is given.
//
// The manifest is served at ManifestPath and its signature, the 64 raw
// bytes of an Ed25519 signature over the manifest's exact bytes, at
// SignaturePath. The public key is written in site.yaml as the base64 of
// its X.509 SubjectPublicKeyInfo (DER), which is also the body of its PEM
// form, so that openssl can check a signature by hand:
//
//	openssl pkeyutl -verify -pubin -inkey khoa-cong-khai.pem -rawin -in manifest.json -sigfile manifest.sig
//
// Ed25519 comes from the standard library (crypto/ed25519, crypto/x509,
// encoding/pem): no third-party package is needed to make, sign, check or
// store a key.
package proof

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The published paths of the proof, from the site root.
const (
	Dir           = "xac-thuc/"
	ManifestPath  = Dir + "manifest.json"
	SignaturePath = Dir + "manifest.sig"
	// PublicKeyPath is the public key in PEM, for openssl.
	PublicKeyPath = Dir + "khoa-cong-khai.pem"
)

// Format names the manifest's format and version.
const Format = "minhbach-manifest/1"

// Manifest lists every file a build published, except the manifest and
// its signature. Marshal writes it byte for byte the same for the same
// content.
type Manifest struct {
	// Format is always the constant Format.
	Format string `json:"format"`
	// Site is the base URL the site is served from, ending in '/'.
	Site string `json:"site"`
	// Built is the build date (RFC 3339, Vietnam time): --build-date or
	// the time of the build.
	Built string `json:"built"`
	// Files are sorted by path.
	Files []File `json:"files"`
	// Items are the content records, sorted by kind then ID.
	Items []Item `json:"items"`
}

// File is one published file.
type File struct {
	// Path is relative to the site root, with forward slashes.
	Path string `json:"path"`
	Size int64  `json:"size"`
	// SHA256 is the hex SHA-256 of the file's bytes.
	SHA256 string `json:"sha256"`
}

// Item is one content record: a news item, page, gazette issue, document
// or procedure. The publication log diffs the items of two manifests.
type Item struct {
	// Kind is "news", "page", "issue", "document" or "procedure".
	Kind string `json:"kind"`
	// ID names the record within its kind: a document's number, a
	// procedure's code, an issue's "YEAR/NUMBER", a news item's or
	// page's URL.
	ID    string `json:"id"`
	Title string `json:"title"`
	// URL is the record's page from the site root.
	URL string `json:"url"`
	// Sum is a short hash (16 hex digits of SHA-256) of what staff wrote:
	// the record's source and the files it publishes. It changes when the
	// record is edited, not when the site around it changes.
	Sum string `json:"sum"`
}

// Key returns the record's identity across manifests: kind and ID.
func (it Item) Key() string { return it.Kind + "\x00" + it.ID }

// Marshal returns the manifest as JSON with one file or item a line,
// sorted, so that two builds of the same content give the same bytes and
// a change shows as a one-line diff.
func (m *Manifest) Marshal() []byte {
	files := slices.Clone(m.Files)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	items := slices.Clone(m.Items)
	SortItems(items)
	var b bytes.Buffer
	head, _ := json.Marshal(struct {
		Format string `json:"format"`
		Site   string `json:"site"`
		Built  string `json:"built"`
	}{Format, m.Site, m.Built})
	b.Write(head[:len(head)-1])
	b.WriteString(",\n\"files\":[")
	for i, f := range files {
		if i > 0 {
			b.WriteByte(',')
		}
		line, _ := json.Marshal(f)
		b.WriteString("\n")
		b.Write(line)
	}
	b.WriteString("\n],\n\"items\":[")
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		line, _ := json.Marshal(it)
		b.WriteString("\n")
		b.Write(line)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// SortItems sorts items by kind, then ID.
func SortItems(items []Item) {
	slices.SortFunc(items, func(a, b Item) int { return strings.Compare(a.Key(), b.Key()) })
}

// Parse reads a manifest written by Marshal.
func Parse(data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("read manifest: format %q, want %q", m.Format, Format)
	}
	for _, f := range m.Files {
		if len(f.SHA256) != 64 {
			return nil, fmt.Errorf("read manifest: file %q has no SHA-256", f.Path)
		}
	}
	return &m, nil
}

// SumHex returns the hex SHA-256 of data.
func SumHex(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// Sign returns the signature of the manifest's exact bytes.
func Sign(key ed25519.PrivateKey, manifest []byte) []byte { return ed25519.Sign(key, manifest) }

// Verify reports whether sig is key's signature of manifest.
func Verify(key ed25519.PublicKey, manifest, sig []byte) bool {
	return len(sig) == ed25519.SignatureSize && ed25519.Verify(key, manifest, sig)
}

// NewKey makes a key pair from the random source (crypto/rand.Reader) and
// returns the public key and the private key in PEM (PKCS #8).
func NewKey(random io.Reader) (ed25519.PublicKey, []byte, error) {
	pub, priv, err := ed25519.GenerateKey(random)
	if err != nil {
		return nil, nil, fmt.Errorf("make key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, fmt.Errorf("encode key: %w", err)
	}
	return pub, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// ErrNotPrivateKey is returned for a file that holds no Ed25519 private key.
var ErrNotPrivateKey = errors.New("not an Ed25519 private key in PEM (PKCS #8), as minhbach key new writes")

// ParsePrivateKey reads a private key written by NewKey.
func ParsePrivateKey(data []byte) (ed25519.PrivateKey, error) {
	b, _ := pem.Decode(data)
	if b == nil || b.Type != "PRIVATE KEY" {
		return nil, ErrNotPrivateKey
	}
	k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, ErrNotPrivateKey
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, ErrNotPrivateKey
	}
	return priv, nil
}

// PublicKeyText returns the public key as site.yaml holds it: the base64
// of its SubjectPublicKeyInfo (one line, the body of its PEM form).
func PublicKeyText(pub ed25519.PublicKey) string {
	der, _ := x509.MarshalPKIXPublicKey(pub)
	return base64.StdEncoding.EncodeToString(der)
}

// ParsePublicKey reads a public key written as PublicKeyText writes it,
// or in PEM ("-----BEGIN PUBLIC KEY-----").
func ParsePublicKey(text string) (ed25519.PublicKey, error) {
	text = strings.TrimSpace(text)
	var der []byte
	if b, _ := pem.Decode([]byte(text)); b != nil {
		if b.Type != "PUBLIC KEY" {
			return nil, fmt.Errorf("PEM block %q is not a PUBLIC KEY", b.Type)
		}
		der = b.Bytes
	} else {
		var err error
		if der, err = base64.StdEncoding.DecodeString(text); err != nil {
			return nil, errors.New("not base64 nor PEM")
		}
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, errors.New("not a public key (SubjectPublicKeyInfo)")
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, errors.New("not an Ed25519 public key")
	}
	return pub, nil
}

// PublicKeyPEM returns the public key in PEM, as openssl reads it.
func PublicKeyPEM(pub ed25519.PublicKey) []byte {
	der, _ := x509.MarshalPKIXPublicKey(pub)
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// Fingerprint returns the hex SHA-256 of the key's SubjectPublicKeyInfo:
// what `openssl pkey -pubin -in khoa-cong-khai.pem -outform DER | sha256sum`
// prints.
func Fingerprint(pub ed25519.PublicKey) string {
	der, _ := x509.MarshalPKIXPublicKey(pub)
	return SumHex(der)
}

// Package pdfsig reads the digital signatures (chữ ký số) of a PDF file:
// who signed it, when, and whether the bytes each signature covers are
// still the bytes that were signed.
//
// A signature is a /Sig field of the document's form whose value holds a
// /ByteRange (the two spans of the file the signature covers) and
// /Contents (a CMS/PKCS#7 SignedData over those spans, ISO 32000-1 12.8).
// A document time-stamp (SubFilter ETSI.RFC3161) holds an RFC 3161
// time-stamp token instead, whose message imprint is the digest of those
// spans. The PDF objects are read with github.com/digitorus/pdf, the CMS
// with github.com/digitorus/pkcs7 and time-stamp tokens with
// github.com/digitorus/timestamp: the libraries github.com/digitorus/pdfsign
// is built on.
//
// It does not judge whether the signer's certificate is trusted (chains to
// a root certificate authority, is not revoked): it reports the name the
// certificate gives. It reads a byte slice and nothing else, and
// imports no other package of the project.
package pdfsig

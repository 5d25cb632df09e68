//go:build !unix

package wholefile

import (
	"io/fs"
	"os"
)

// WriteNew creates the file at path, which must not exist (an existing
// file or link there is refused with an error that is fs.ErrExist),
// writes data into it and closes it.
func WriteNew(path string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReadInto reads the whole file at path into buf (reused when it has the
// room) and returns the bytes read.
func ReadInto(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAllInto(f, buf)
}

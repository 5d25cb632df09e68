package diag

// Catalogue is the Vietnamese catalogue, for the tests of package diag_test.
var Catalogue = vi

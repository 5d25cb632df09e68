package render

// Truncate is truncate, for the tests.
var Truncate = truncate

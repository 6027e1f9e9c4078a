package vn

import "errors"

// ErrTaxCodeFormat and ErrTaxCodeCheckDigit tell a malformed tax code
// (mã số thuế) from one whose check digit does not match.
var (
	ErrTaxCodeFormat     = errors.New("tax code must be 10 digits or 10-3 digits")
	ErrTaxCodeCheckDigit = errors.New("tax code check digit does not match")
)

// taxCodeWeights are the weights of the first nine digits in the check digit
// rule of Vietnamese enterprise tax codes (Thông tư 105/2020/TT-BTC).
var taxCodeWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// ValidateTaxCode checks the form NNNNNNNNNN or NNNNNNNNNN-NNN and the
// tenth digit: 10 - (weighted sum mod 11). A remainder of 0 would need
// a check digit of 10, so no valid code has it.
func ValidateTaxCode(code string) error {
	switch {
	case len(code) == 10:
	case len(code) == 14 && code[10] == '-':
		for _, c := range code[11:] {
			if c < '0' || c > '9' {
				return ErrTaxCodeFormat
			}
		}
	default:
		return ErrTaxCodeFormat
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := code[i]
		if c < '0' || c > '9' {
			return ErrTaxCodeFormat
		}
		if i < 9 {
			sum += int(c-'0') * taxCodeWeights[i]
		}
	}
	check := 10 - sum%11
	if check == 10 || int(code[9]-'0') != check {
		return ErrTaxCodeCheckDigit
	}
	return nil
}

// TaxCodeCheckDigit returns the check digit for nine leading digits and
// false when no digit makes them valid. Demo data and tests use it to make
// codes that pass ValidateTaxCode.
func TaxCodeCheckDigit(first9 string) (byte, bool) {
	if len(first9) != 9 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := first9[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * taxCodeWeights[i]
	}
	check := 10 - sum%11
	if check == 10 {
		return 0, false
	}
	return byte('0' + check), true
}

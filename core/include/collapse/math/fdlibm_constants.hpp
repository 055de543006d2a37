#pragma once
/// @file fdlibm_constants.hpp
/// The constants of fdlibm 5.3's e_exp.c and e_log.c (Sun Microsystems, 1993, freely distributable), shared by the
/// scalar functions (portable_math.cpp) and their 2-lane twins (collapse/simd/vector_math.hpp), which must
/// perform the same operations on the same constants to give the same bits.
#include <limits>

namespace collapse::math::fdlibm {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// e_exp.c
inline constexpr double kExpOverflow = 7.09782712893383973096e+02;
inline constexpr double kExpUnderflow = -7.45133219101941108420e+02;
inline constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42 FEE00000: k·kLn2Hi is exact for |k| < 2^20
inline constexpr double kLn2Lo = 1.90821492927058770002e-10;  // 0x3DEA39EF 35793C76
inline constexpr double kInvLn2 = 1.44269504088896338700e+00;
inline constexpr double kP1 = 1.66666666666666019037e-01, kP2 = -2.77777777770155933842e-03,
                 kP3 = 6.61375632143793436117e-05, kP4 = -1.65339022054652515390e-06,
                 kP5 = 4.13813679705723846039e-08;

// e_log.c
inline constexpr double kTwo54 = 1.80143985094819840000e+16;
inline constexpr double kLg1 = 6.666666666666735130e-01, kLg2 = 3.999999999940941908e-01, kLg3 = 2.857142874366239149e-01,
                 kLg4 = 2.222219843214978396e-01, kLg5 = 1.818357216161805012e-01, kLg6 = 1.531383769920937332e-01,
                 kLg7 = 1.479819860511658591e-01;
// fdlibm's integer tests on the top 20 mantissa bits hx, as comparisons of u = 1.mantissa in [1, 2):
// hx ≥ 0x6a09c (u ≥ ~√2: halve), and 0x6147a ≤ hx ≤ 0x6b851 (the f²/2 form is the more accurate one).
inline constexpr double kLogHalveFrom = 1.0 + 0x6a09c / 1048576.0;
inline constexpr double kLogSquareFrom = 1.0 + 0x6147a / 1048576.0;
inline constexpr double kLogSquareBelow = 1.0 + 0x6b852 / 1048576.0;


}  // namespace collapse::math::fdlibm

"""Money as people say it: exact amounts (Decimal yuan, integer fen) in 元, 万元 and 亿元.

Amounts are never floats. The database holds integer fen (分); Python holds `Decimal`
yuan with two places. Parsing accepts what a person types at the desk or finds in a
press release: `1234567.89`, `1,234,567.89`, `¥1,234,567.89`, `5.2亿`, `3000万`,
`5.2亿元`, `12.5 亿`, `1.2万亿`, full-width digits and commas; Chinese numerals in the
ordinary and the financial (大写) forms (`五亿`, `伍亿元`, `壹仟贰佰万元整`, `五亿三千万`,
`两千零五万`, `五点二亿`, `一万五`); English scale words (`1.5 billion`, `2 million yuan`).
Anything else (a float exponent, a stray character, a fraction of a fen, a misplaced
thousands separator, numerals out of order such as `五五亿` or read digit by digit such
as `一二三`, a 万 or 零 left out below 亿 such as `五亿三千`) is refused, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, InvalidOperation

from wimc_desktop.domain.errors import BadInputError

FEN = Decimal("0.01")
WAN = Decimal(10_000)
YI = Decimal(100_000_000)
BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)
# Below 100,000 亿 元: room to spare in a BIGINT of fen, and exact as an XLSX double.
MAX_AMOUNT = Decimal("9999999999999.99")
# 100 亿 or more is rare enough on a signing stage that a slip of the keyboard is likelier.
CONFIRM_THRESHOLD = Decimal(100) * YI

UNITS: dict[str, Decimal] = {
    "": Decimal(1), "元": Decimal(1), "万": WAN, "万元": WAN, "亿": YI, "亿元": YI,
    "万亿": WAN * YI, "万亿元": WAN * YI,
}
_AMOUNT = re.compile(
    r"(?P<number>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*"
    r"(?P<unit>万亿元|万亿|万元|亿元|万|亿|元)?(?:(?<=元)整)?")
_ENGLISH = re.compile(
    r"(?P<number>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion)(?:\s+(?:yuan|rmb|cny))?", re.IGNORECASE)
SCALES: dict[str, Decimal] = {"thousand": Decimal(1000), "million": MILLION,
                              "billion": BILLION, "trillion": BILLION * 1000}
_EXACT = Context(prec=60, traps=[Inexact, InvalidOperation])
_MAX_LENGTH = 40

# Chinese numerals: the ordinary forms, the financial (大写) forms and the traditional ones.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "貳": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000,
                                  "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000,
                                "億": 100_000_000}
_CN_NUMERALS = "".join((*CN_DIGITS, *CN_SMALL_UNITS, *CN_BIG_UNITS))
_CHINESE = re.compile(
    rf"(?P<body>[{_CN_NUMERALS}点點]+?)\s*(?:(?P<yuan>[元圆圓])"
    rf"(?:(?P<jiao>[{''.join(CN_DIGITS)}])角)?(?:零?(?P<fen>[{''.join(CN_DIGITS)}])分)?)?"
    r"(?P<whole>整)?")


class AmountError(BadInputError):
    """A typed amount that is not a well-formed, exact amount of money."""


class _NumeralError(ValueError):
    """Chinese numerals that do not make one number: out of order, or digit by digit."""

    def __init__(self, *, digit_by_digit: bool = False) -> None:
        super().__init__("digit by digit" if digit_by_digit else "out of order")
        self.digit_by_digit = digit_by_digit


def _cn_section(text: str) -> int:
    """A number below 10,000 in Chinese numerals: 三千零五, 十五, 一千五 (1,500)."""
    if not text:
        raise _NumeralError()
    total, digit, last_unit, zero = 0, None, 10_000, False
    for position, ch in enumerate(text):
        if ch in CN_DIGITS and CN_DIGITS[ch] == 0:
            if digit is not None or position == 0 or zero:
                raise _NumeralError(digit_by_digit=digit is not None)
            zero = True
        elif ch in CN_DIGITS:
            if digit is not None:
                raise _NumeralError(digit_by_digit=True)
            digit = CN_DIGITS[ch]
        elif ch not in CN_SMALL_UNITS:  # 万 or 亿 where only 十百千 may stand
            raise _NumeralError()
        else:
            unit = CN_SMALL_UNITS[ch]
            if digit is None and not (unit == 10 and position == 0):  # 十五: no 一 needed
                raise _NumeralError()
            if unit >= last_unit or (zero and unit >= last_unit // 10):
                raise _NumeralError()
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero = None, unit, False
    if digit is None:
        if zero:  # 一千零: a zero must lead to a digit
            raise _NumeralError()
        return total
    # 一千五 is 1,500 as people say it: a last digit right after a unit is one unit lower.
    return total + digit * (1 if zero or last_unit == 10_000 else last_unit // 10)


def _cn_integer(text: str) -> int:
    """A whole number in Chinese numerals with 万 and 亿: 五亿三千万, 一万五, 两千零五万."""
    for unit, size, limit in (("亿", 100_000_000, None), ("万", 10_000, 10_000)):
        if unit not in text:
            continue
        head, _, tail = text.rpartition(unit)
        if unit in head:  # 五亿亿
            raise _NumeralError()
        high = _cn_integer(head) if limit is None else _cn_section(head)
        if tail and tail[0] in CN_DIGITS and CN_DIGITS[tail[0]] == 0:
            low = _cn_integer(tail[1:]) if len(tail) > 1 else -1
        elif len(tail) == 1 and tail in CN_DIGITS:  # 一万五: 15,000
            low = CN_DIGITS[tail] * size // 10
        elif tail and limit is None and "万" not in tail:
            # 五亿三千: 五亿三千万 with the 万 left out, or 五亿零三千? Written either way.
            raise _NumeralError()
        else:
            low = _cn_integer(tail) if tail else 0
        if low < 0 or low >= size:
            raise _NumeralError()
        return high * size + low
    return _cn_section(text)


def _normalized_units(text: str) -> str:
    return text.replace("萬", "万").replace("億", "亿").replace("點", "点")


def _cn_number(body: str) -> Decimal:
    """Chinese numerals as a number: whole (伍亿) or with a decimal point (五点二亿)."""
    body = _normalized_units(body)
    if len(body) == 1 and CN_DIGITS.get(body) == 0:
        return Decimal(0)
    if "点" not in body:
        return Decimal(_cn_integer(body))
    whole, _, rest = body.partition("点")
    places = rest.rstrip("万亿")
    unit = rest[len(places):]
    if not places or any(c not in CN_DIGITS for c in places) or unit not in UNITS \
            or any(c in CN_BIG_UNITS for c in whole) or "点" in places:
        raise _NumeralError()
    digits = "".join(str(CN_DIGITS[c]) for c in places)
    return _EXACT.multiply(Decimal(f"{_cn_section(whole)}.{digits}"), UNITS[unit])


def _chinese_amount(text: str) -> Decimal | None:
    match = _CHINESE.fullmatch(text)
    if match is None:
        return None
    try:
        value = _cn_number(match["body"].strip())
    except _NumeralError as exc:
        if exc.digit_by_digit:
            raise AmountError("not an amount: {text!r} (numerals read digit by digit, like "
                              "一二三, are ambiguous: write 一百二十三 or 123)",
                              text=text) from None
        raise AmountError("not an amount: {text!r} (the Chinese numerals are out of order "
                          "or incomplete)", text=text) from None
    cents = CN_DIGITS[match["jiao"]] * 10 if match["jiao"] else 0
    cents += CN_DIGITS[match["fen"]] if match["fen"] else 0
    return value + Decimal(cents) / 100


def _amount_value(text: str, cleaned: str) -> Decimal:
    """The number `cleaned` says, in yuan (not yet checked for size or fen)."""
    if len(cleaned) > _MAX_LENGTH:
        match = english = None
    else:
        match, english = _AMOUNT.fullmatch(cleaned), _ENGLISH.fullmatch(cleaned)
    if match is not None:
        number = Decimal(match["number"].replace(",", ""))
        return _EXACT.multiply(number, UNITS[match["unit"] or ""])
    if english is not None:
        number = Decimal(english["number"].replace(",", ""))
        return _EXACT.multiply(number, SCALES[english["scale"].lower()])
    chinese = _chinese_amount(cleaned) if len(cleaned) <= _MAX_LENGTH else None
    if chinese is None:
        raise AmountError("not an amount: {text!r} (write it like 1,234,567.89, 5.2亿 or "
                          "3000万)", text=text)
    return chinese


def parse_amount(text: str) -> Decimal:
    """The exact amount in yuan (two places) that `text` says, or AmountError."""
    cleaned = unicodedata.normalize("NFKC", text).strip().removeprefix("¥").strip()
    cleaned = _normalized_units(cleaned)  # 5億 as 5亿, as 貳億 is read
    value = _amount_value(text, cleaned)
    cents = value * 100
    if cents != cents.to_integral_value():
        raise AmountError("{text!r} is more precise than a fen (0.01 元)", text=text)
    if value > MAX_AMOUNT:
        raise AmountError("{text!r} is too large (at most {limit} 元)", text=text,
                          limit=format_yuan(MAX_AMOUNT))
    return value.quantize(FEN)


def to_fen(amount: Decimal) -> int:
    """The whole number of fen in an amount of yuan (refusing a fraction of a fen)."""
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise AmountError("{amount} is more precise than a fen (0.01 元)", amount=amount)
    return int(cents)


def from_fen(fen: int) -> Decimal:
    """The amount in yuan (two places) of a whole number of fen."""
    return (Decimal(fen) / 100).quantize(FEN)


def needs_confirmation(amount: Decimal) -> bool:
    """Whether an amount is large enough (100 亿 元 or more) to be confirmed before saving."""
    return amount >= CONFIRM_THRESHOLD


def format_number(value: Decimal, places: int | None = 2) -> str:
    """A number with thousands separators: rounded half up to `places`, or exact if None."""
    return _grouped(value, places)


def _grouped(value: Decimal, places: int | None) -> str:
    """`value` with thousands separators: rounded half up to `places`, or exact if None."""
    if places is not None:
        return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}"
    exponent = value.normalize().as_tuple().exponent
    decimals = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:,.{decimals}f}"


def format_yuan(amount: Decimal, *, unit: str = "") -> str:
    """'1,234,567.89' (two places, thousands separators), followed by `unit` if given."""
    return _grouped(amount, 2) + unit


def format_wan(amount: Decimal, places: int | None = 2, sep: str = "") -> str:
    """The amount in 万元: '5,363,000.00万元'; exact (as many places as needed) with None."""
    return _grouped(amount / WAN, places) + sep + "万元"


def format_yi(amount: Decimal, places: int | None = 2, sep: str = "") -> str:
    """The amount in 亿元: '536.30亿元'; exact (as many places as needed) with None."""
    return _grouped(amount / YI, places) + sep + "亿元"


def format_total(amount: Decimal, sep: str = "") -> str:
    """A total in the unit a Chinese report uses for its size: 亿元, 万元 or 元.

    `sep` goes between the number and the unit ('536.30 亿元' in a sentence).
    """
    if amount >= YI:
        return format_yi(amount, sep=sep)
    if amount >= WAN:
        return format_wan(amount, sep=sep)
    return format_yuan(amount, unit=sep + "元")


def format_total_en(amount: Decimal) -> str:
    """A total in English words: '53.63 billion yuan', '12.50 million yuan', '980.00 yuan'."""
    if amount >= BILLION:
        return f"{_grouped(amount / BILLION, 2)} billion yuan"
    if amount >= MILLION:
        return f"{_grouped(amount / MILLION, 2)} million yuan"
    return f"{format_yuan(amount)} yuan"

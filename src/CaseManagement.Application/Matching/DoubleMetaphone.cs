namespace CaseManagement.Application.Matching;

/// <summary>A name's two Double Metaphone codes: the primary (most likely) pronunciation and an alternate.</summary>
/// <param name="Primary">The primary code, up to four characters; empty for an empty name.</param>
/// <param name="Alternate">The alternate code; the same as the primary when the name has no alternate pronunciation.</param>
public readonly record struct PhoneticCode(string Primary, string Alternate);

/// <summary>
/// Lawrence Philips' Double Metaphone (C/C++ Users Journal, June 2000), written afresh from the published rules.
/// </summary>
/// <remarks>
/// <para>
/// Chosen over Soundex because it keeps the first sound (Soundex keeps the first letter, so Catherine and Katherine
/// differ), handles consonant groups (PH, TH, GH, SCH, double letters) and gives an alternate code for names of
/// uncertain origin (Smith SM0/XMT matches Schmidt XMT/SMT). Welsh spellings fare well: DD and D both give T and
/// F, FF and V give F, so Dafydd and David share TFT; LL gives L; RH drops the H, so Rhys, Rees and Reece share RS.
/// Equivalents that do not sound alike (Siôn and John) are the business of <see cref="NameEquivalents"/>.
/// </para>
/// <para>
/// Codes use A (an initial vowel), F, H, J, K, L, M, N, P, R, S, T, X (sh/ch) and 0 (th), at most four characters.
/// Input is folded with <see cref="NameNormaliser"/> rules by the caller; letters outside A to Z are skipped.
/// </para>
/// </remarks>
public static class DoubleMetaphone
{
    private const int CodeLength = 4;

    /// <summary>The primary and alternate codes of a word (a name with its spaces removed).</summary>
    public static PhoneticCode Encode(string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return new PhoneticCode(string.Empty, string.Empty);
        }

        var encoder = new Encoder(word.ToUpperInvariant());
        return encoder.Run();
    }

    /// <summary>
    /// Packs a code of up to four ASCII characters into a number, so that comparing codes allocates nothing.
    /// Empty is 0; no code character is NUL, so codes of different lengths never collide.
    /// </summary>
    internal static uint Pack(string code)
    {
        uint packed = 0;
        for (var i = 0; i < code.Length && i < CodeLength; i++)
        {
            packed = (packed << 8) | (byte)code[i];
        }

        return packed;
    }

    /// <summary>One encoding: the word padded with spaces (as the original does, so look-ahead never runs off the end).</summary>
    private sealed class Encoder
    {
        private const string Padding = "      ";

        private readonly string _word;
        private readonly int _length;
        private readonly int _last;
        private readonly bool _slavoGermanic;
        private readonly char[] _primary = new char[16];
        private readonly char[] _alternate = new char[16];
        private int _primaryLength;
        private int _alternateLength;

        public Encoder(string upperWord)
        {
            _length = upperWord.Length;
            _last = _length - 1;
            _word = upperWord + Padding;
            _slavoGermanic = upperWord.Contains('W', StringComparison.Ordinal)
                || upperWord.Contains('K', StringComparison.Ordinal)
                || upperWord.Contains("CZ", StringComparison.Ordinal)
                || upperWord.Contains("WITZ", StringComparison.Ordinal);
        }

        public PhoneticCode Run()
        {
            var current = 0;

            // Silent first letters.
            if (At(0, "GN", "KN", "PN", "WR", "PS"))
            {
                current++;
            }

            // An initial X sounds as Z (Xavier).
            if (Char(0) == 'X')
            {
                Add("S");
                current++;
            }

            while ((_primaryLength < CodeLength || _alternateLength < CodeLength) && current < _length)
            {
                current = Step(current);
            }

            return new PhoneticCode(
                new string(_primary, 0, Math.Min(_primaryLength, CodeLength)),
                new string(_alternate, 0, Math.Min(_alternateLength, CodeLength)));
        }

        private int Step(int current) => Char(current) switch
        {
            'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => Vowel(current),
            'B' => Simple(current, 'B', "P"),
            'C' => C(current),
            'D' => D(current),
            'F' => Simple(current, 'F', "F"),
            'G' => G(current),
            'H' => H(current),
            'J' => J(current),
            'K' => Simple(current, 'K', "K"),
            'L' => L(current),
            'M' => M(current),
            'N' => Simple(current, 'N', "N"),
            'P' => P(current),
            'Q' => Simple(current, 'Q', "K"),
            'R' => R(current),
            'S' => S(current),
            'T' => T(current),
            'V' => Simple(current, 'V', "F"),
            'W' => W(current),
            'X' => X(current),
            'Z' => Z(current),
            _ => current + 1,
        };

        private int Vowel(int current)
        {
            if (current == 0)
            {
                Add("A");
            }

            return current + 1;
        }

        /// <summary>A letter with one sound, whose doubling is silent.</summary>
        private int Simple(int current, char letter, string code)
        {
            Add(code);
            return Char(current + 1) == letter ? current + 2 : current + 1;
        }

        private int C(int current)
        {
            // Germanic: -ACH- not followed by I, or by E unless BACHER/MACHER.
            if (current > 1 && !IsVowel(current - 2) && At(current - 1, "ACH")
                && Char(current + 2) != 'I' && (Char(current + 2) != 'E' || At(current - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return current + 2;
            }

            if (current == 0 && At(current, "CAESAR"))
            {
                Add("S");
                return current + 2;
            }

            if (At(current, "CHIA"))
            {
                Add("K");
                return current + 2;
            }

            if (At(current, "CH"))
            {
                return CH(current);
            }

            if (At(current, "CZ") && !At(current - 2, "WICZ"))
            {
                Add("S", "X");
                return current + 2;
            }

            if (At(current + 1, "CIA"))
            {
                Add("X");
                return current + 3;
            }

            // Double C, but not McClellan.
            if (At(current, "CC") && !(current == 1 && Char(0) == 'M'))
            {
                if (At(current + 2, "I", "E", "H") && !At(current + 2, "HU"))
                {
                    // Accident, accede, succeed; otherwise Italian (bacci).
                    Add((current == 1 && Char(current - 1) == 'A') || At(current - 1, "UCCEE", "UCCES") ? "KS" : "X");
                    return current + 3;
                }

                Add("K");
                return current + 2;
            }

            if (At(current, "CK", "CG", "CQ"))
            {
                Add("K");
                return current + 2;
            }

            if (At(current, "CI", "CE", "CY"))
            {
                if (At(current, "CIO", "CIE", "CIA"))
                {
                    Add("S", "X");
                }
                else
                {
                    Add("S");
                }

                return current + 2;
            }

            Add("K");
            if (At(current + 1, " C", " Q", " G"))
            {
                return current + 3;
            }

            return At(current + 1, "C", "K", "Q") && !At(current + 1, "CE", "CI") ? current + 2 : current + 1;
        }

        private int CH(int current)
        {
            // Michael.
            if (current > 0 && At(current, "CHAE"))
            {
                Add("K", "X");
                return current + 2;
            }

            // Greek roots at the start: chemistry, chorus, but not chore.
            if (current == 0 && (At(current + 1, "HARAC", "HARIS") || At(current + 1, "HOR", "HYM", "HIA", "HEM")) && !At(0, "CHORE"))
            {
                Add("K");
                return current + 2;
            }

            if (At(0, "VAN ", "VON ") || At(0, "SCH")
                || At(current - 2, "ORCHES", "ARCHIT", "ORCHID")
                || At(current + 2, "T", "S")
                || ((At(current - 1, "A", "O", "U", "E") || current == 0)
                    && At(current + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")))
            {
                Add("K");
            }
            else if (current > 0)
            {
                if (At(0, "MC"))
                {
                    Add("K");
                }
                else
                {
                    Add("X", "K");
                }
            }
            else
            {
                Add("X");
            }

            return current + 2;
        }

        private int D(int current)
        {
            if (At(current, "DG"))
            {
                if (At(current + 2, "I", "E", "Y"))
                {
                    Add("J");
                    return current + 3;
                }

                Add("TK");
                return current + 2;
            }

            Add("T");
            return At(current, "DT", "DD") ? current + 2 : current + 1;
        }

        private int G(int current)
        {
            if (Char(current + 1) == 'H')
            {
                return GH(current);
            }

            if (Char(current + 1) == 'N')
            {
                if (current == 1 && IsVowel(0) && !_slavoGermanic)
                {
                    Add("KN", "N");
                }
                else if (!At(current + 2, "EY") && Char(current + 1) != 'Y' && !_slavoGermanic)
                {
                    Add("N", "KN");
                }
                else
                {
                    Add("KN");
                }

                return current + 2;
            }

            if (At(current + 1, "LI") && !_slavoGermanic)
            {
                Add("KL", "L");
                return current + 2;
            }

            if (current == 0 && (Char(current + 1) == 'Y' || At(current + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return current + 2;
            }

            if ((At(current + 1, "ER") || Char(current + 1) == 'Y')
                && !At(0, "DANGER", "RANGER", "MANGER")
                && !At(current - 1, "E", "I")
                && !At(current - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return current + 2;
            }

            if (At(current + 1, "E", "I", "Y") || At(current - 1, "AGGI", "OGGI"))
            {
                if (At(0, "VAN ", "VON ") || At(0, "SCH") || At(current + 1, "ET"))
                {
                    Add("K");
                }
                else if (At(current + 1, "IER "))
                {
                    Add("J");
                }
                else
                {
                    Add("J", "K");
                }

                return current + 2;
            }

            Add("K");
            return Char(current + 1) == 'G' ? current + 2 : current + 1;
        }

        private int GH(int current)
        {
            if (current > 0 && !IsVowel(current - 1))
            {
                Add("K");
                return current + 2;
            }

            if (current == 0)
            {
                Add(Char(current + 2) == 'I' ? "J" : "K");
                return current + 2;
            }

            // Parker's rule: hugh, bough, broughton.
            if ((current > 1 && At(current - 2, "B", "H", "D"))
                || (current > 2 && At(current - 3, "B", "H", "D"))
                || (current > 3 && At(current - 4, "B", "H")))
            {
                return current + 2;
            }

            // Laugh, McLaughlin, cough, gough, rough, tough.
            if (current > 2 && Char(current - 1) == 'U' && At(current - 3, "C", "G", "L", "R", "T"))
            {
                Add("F");
            }
            else if (Char(current - 1) != 'I')
            {
                Add("K");
            }

            return current + 2;
        }

        private int H(int current)
        {
            // Kept only at the start before a vowel, or between vowels.
            if ((current == 0 || IsVowel(current - 1)) && IsVowel(current + 1))
            {
                Add("H");
                return current + 2;
            }

            return current + 1;
        }

        private int J(int current)
        {
            // Spanish: Jose, San Jacinto.
            if (At(current, "JOSE") || At(0, "SAN "))
            {
                if ((current == 0 && Char(current + 4) == ' ') || At(0, "SAN "))
                {
                    Add("H");
                }
                else
                {
                    Add("J", "H");
                }

                return current + 1;
            }

            if (current == 0)
            {
                Add("J", "A");
            }
            else if (IsVowel(current - 1) && !_slavoGermanic && (Char(current + 1) == 'A' || Char(current + 1) == 'O'))
            {
                Add("J", "H");
            }
            else if (current == _last)
            {
                Add("J", " ");
            }
            else if (!At(current + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !At(current - 1, "S", "K", "L"))
            {
                Add("J");
            }

            return Char(current + 1) == 'J' ? current + 2 : current + 1;
        }

        private int L(int current)
        {
            if (Char(current + 1) == 'L')
            {
                // Spanish: Cabrillo, Gallegos.
                if ((current == _length - 3 && At(current - 1, "ILLO", "ILLA", "ALLE"))
                    || ((At(_last - 1, "AS", "OS") || At(_last, "A", "O")) && At(current - 1, "ALLE")))
                {
                    Add("L", " ");
                    return current + 2;
                }

                Add("L");
                return current + 2;
            }

            Add("L");
            return current + 1;
        }

        private int M(int current)
        {
            Add("M");
            var silentB = At(current - 1, "UMB") && (current + 1 == _last || At(current + 2, "ER"));
            return silentB || Char(current + 1) == 'M' ? current + 2 : current + 1;
        }

        private int P(int current)
        {
            if (Char(current + 1) == 'H')
            {
                Add("F");
                return current + 2;
            }

            Add("P");
            return At(current + 1, "P", "B") ? current + 2 : current + 1;
        }

        private int R(int current)
        {
            // French: Rogier, but not Hochmeier.
            if (current == _last && !_slavoGermanic && At(current - 2, "IE") && !At(current - 4, "ME", "MA"))
            {
                Add(string.Empty, "R");
            }
            else
            {
                Add("R");
            }

            return Char(current + 1) == 'R' ? current + 2 : current + 1;
        }

        private int S(int current)
        {
            // Island, isle, Carlisle, Carlysle.
            if (At(current - 1, "ISL", "YSL"))
            {
                return current + 1;
            }

            if (current == 0 && At(current, "SUGAR"))
            {
                Add("X", "S");
                return current + 1;
            }

            if (At(current, "SH"))
            {
                Add(At(current + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
                return current + 2;
            }

            // Italian and Armenian: -SIO-, -SIA-, -SIAN.
            if (At(current, "SIO", "SIA") || At(current, "SIAN"))
            {
                if (_slavoGermanic)
                {
                    Add("S");
                }
                else
                {
                    Add("S", "X");
                }

                return current + 3;
            }

            // Smith and Schmidt, Snider and Schneider; -SZ-.
            if ((current == 0 && At(current + 1, "M", "N", "L", "W")) || At(current + 1, "Z"))
            {
                Add("S", "X");
                return At(current + 1, "Z") ? current + 2 : current + 1;
            }

            if (At(current, "SC"))
            {
                return SC(current);
            }

            // French: Resnais, Artois.
            if (current == _last && At(current - 2, "AI", "OI"))
            {
                Add(string.Empty, "S");
            }
            else
            {
                Add("S");
            }

            return At(current + 1, "S", "Z") ? current + 2 : current + 1;
        }

        private int SC(int current)
        {
            if (Char(current + 2) == 'H')
            {
                // Dutch: school, schooner; Schermerhorn, Schenker.
                if (At(current + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                {
                    if (At(current + 3, "ER", "EN"))
                    {
                        Add("X", "SK");
                    }
                    else
                    {
                        Add("SK");
                    }

                    return current + 3;
                }

                if (current == 0 && !IsVowel(3) && Char(3) != 'W')
                {
                    Add("X", "S");
                }
                else
                {
                    Add("X");
                }

                return current + 3;
            }

            Add(At(current + 2, "I", "E", "Y") ? "S" : "SK");
            return current + 3;
        }

        private int T(int current)
        {
            if (At(current, "TION"))
            {
                Add("X");
                return current + 3;
            }

            if (At(current, "TIA", "TCH"))
            {
                Add("X");
                return current + 3;
            }

            if (At(current, "TH") || At(current, "TTH"))
            {
                // Thomas, Thames, or Germanic.
                if (At(current + 2, "OM", "AM") || At(0, "VAN ", "VON ") || At(0, "SCH"))
                {
                    Add("T");
                }
                else
                {
                    Add("0", "T");
                }

                return current + 2;
            }

            Add("T");
            return At(current + 1, "T", "D") ? current + 2 : current + 1;
        }

        private int W(int current)
        {
            if (At(current, "WR"))
            {
                Add("R");
                return current + 2;
            }

            if (current == 0 && (IsVowel(current + 1) || At(current, "WH")))
            {
                // Wasserman and Vasserman; Uomo and Womo.
                if (IsVowel(current + 1))
                {
                    Add("A", "F");
                }
                else
                {
                    Add("A");
                }
            }

            // Arnow and Arnoff; Polish -EWSKI.
            if ((current == _last && IsVowel(current - 1)) || At(current - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || At(0, "SCH"))
            {
                Add(string.Empty, "F");
                return current + 1;
            }

            // Polish: Filipowicz.
            if (At(current, "WICZ", "WITZ"))
            {
                Add("TS", "FX");
                return current + 4;
            }

            return current + 1;
        }

        private int X(int current)
        {
            // French: Breaux.
            if (!(current == _last && (At(current - 3, "IAU", "EAU") || At(current - 2, "AU", "OU"))))
            {
                Add("KS");
            }

            return At(current + 1, "C", "X") ? current + 2 : current + 1;
        }

        private int Z(int current)
        {
            // Chinese pinyin: Zhao.
            if (Char(current + 1) == 'H')
            {
                Add("J");
                return current + 2;
            }

            if (At(current + 1, "ZO", "ZI", "ZA") || (_slavoGermanic && current > 0 && Char(current - 1) != 'T'))
            {
                Add("S", "TS");
            }
            else
            {
                Add("S");
            }

            return Char(current + 1) == 'Z' ? current + 2 : current + 1;
        }

        /// <summary>The character at a position of the padded word; '\0' outside it.</summary>
        private char Char(int position) => position >= 0 && position < _word.Length ? _word[position] : '\0';

        /// <summary>A vowel of the word itself (the padding is not).</summary>
        private bool IsVowel(int position) =>
            position >= 0 && position < _length && _word[position] is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

        /// <summary>Whether one of the options starts at the position of the padded word.</summary>
        private bool At(int position, params ReadOnlySpan<string> options)
        {
            if (position < 0)
            {
                return false;
            }

            foreach (var option in options)
            {
                if (position + option.Length <= _word.Length
                    && _word.AsSpan(position, option.Length).SequenceEqual(option))
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(string code) => Add(code, null);

        /// <summary>
        /// Appends to the primary code, and to the alternate either the same or the given alternate;
        /// an alternate of " " means the alternate pronunciation is silent here.
        /// </summary>
        private void Add(string main, string? alternate)
        {
            Append(_primary, ref _primaryLength, main);
            if (alternate is null)
            {
                Append(_alternate, ref _alternateLength, main);
            }
            else if (alternate != " ")
            {
                Append(_alternate, ref _alternateLength, alternate);
            }
        }

        private static void Append(char[] buffer, ref int length, string code)
        {
            foreach (var c in code)
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = c;
                }
            }
        }
    }
}

using System.Globalization;
using System.Text;
using CaseManagement.Application.Matching;

namespace CaseManagement.Tools.Evaluation;

/// <summary>The slips people make typing a name: two letters swapped, a letter dropped or doubled, a neighbouring key.</summary>
internal static class TypingErrors
{
    /// <summary>The keys around each letter on a UK QWERTY keyboard.</summary>
    private static readonly Dictionary<char, string> Neighbours = new()
    {
        ['q'] = "wa", ['w'] = "qeas", ['e'] = "wrds", ['r'] = "etfd", ['t'] = "rygf", ['y'] = "tuhg", ['u'] = "yijh",
        ['i'] = "uokj", ['o'] = "iplk", ['p'] = "ol", ['a'] = "qwsz", ['s'] = "awedxz", ['d'] = "serfcx",
        ['f'] = "drtgvc", ['g'] = "ftyhbv", ['h'] = "gyujnb", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop",
        ['z'] = "asx", ['x'] = "zsdc", ['c'] = "xdfv", ['v'] = "cfgb", ['b'] = "vghn", ['n'] = "bhjm", ['m'] = "njk",
    };

    /// <summary>The kinds of slip, in the order <see cref="Apply"/> numbers them.</summary>
    public enum Kind
    {
        Transposition,
        DroppedLetter,
        DoubledLetter,
        NeighbouringKey,
    }

    /// <summary>One slip of a random kind at a random place (never the first letter, which people rarely get wrong); names under three letters are left alone.</summary>
    public static string Apply(string value, Random random)
    {
        var kind = (Kind)random.Next(4);
        return Apply(value, kind, random);
    }

    public static string Apply(string value, Kind kind, Random random)
    {
        if (value.Length < 3)
        {
            return value;
        }

        var text = new StringBuilder(value);

        // Positions 1 .. Length-1: letters only, so a hyphen or apostrophe is not moved.
        var at = 1 + random.Next(value.Length - 1);
        if (!char.IsLetter(text[at]))
        {
            return value;
        }

        switch (kind)
        {
            case Kind.Transposition when at < value.Length - 1 && char.IsLetter(text[at + 1]) && text[at] != text[at + 1]:
                (text[at], text[at + 1]) = (text[at + 1], text[at]);
                break;
            case Kind.Transposition:
                text.Insert(at, text[at]);
                break;
            case Kind.DroppedLetter:
                text.Remove(at, 1);
                break;
            case Kind.DoubledLetter:
                text.Insert(at, text[at]);
                break;
            case Kind.NeighbouringKey:
                var lower = char.ToLowerInvariant(text[at]);
                if (Neighbours.TryGetValue(lower, out var near))
                {
                    var replacement = near[random.Next(near.Length)];
                    text[at] = char.IsUpper(text[at]) ? char.ToUpperInvariant(replacement) : replacement;
                }
                else
                {
                    text.Remove(at, 1);
                }

                break;
        }

        return text.ToString();
    }

    /// <summary>One digit of a string of digits changed (a slip in a number); other characters are kept.</summary>
    public static string ChangeOneDigit(string value, Random random)
    {
        var positions = new List<int>();
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return value;
        }

        var at = positions[random.Next(positions.Count)];
        var digit = value[at] - '0';
        var changed = (digit + 1 + random.Next(9)) % 10;
        return string.Concat(value.AsSpan(0, at), changed.ToString(CultureInfo.InvariantCulture), value.AsSpan(at + 1));
    }
}

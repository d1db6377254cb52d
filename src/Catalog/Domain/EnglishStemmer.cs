namespace Marketplace.Catalog.Domain;

/// <summary>
/// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", 1980), as search engines'
/// English analysers apply it: sensors → sensor, molding → mold, vibrations → vibrat, so a query finds the other
/// forms of its words. Lower-case ASCII words only; anything else is returned as it is.
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        var w = new Word(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private string _b = text;

        public override string ToString() => _b;

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m, the number of vowel-consonant sequences in the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                m++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }

            return m;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWithDoubleConsonant(int length) =>
            length >= 2 && _b[length - 1] == _b[length - 2] && IsConsonant(length - 1);

        /// <summary>*o: the stem ends consonant-vowel-consonant, the last not w, x or y (hop, not hoop or snow).</summary>
        private bool EndsCvc(int length) =>
            length >= 3 && IsConsonant(length - 1) && !IsConsonant(length - 2) && IsConsonant(length - 3) && _b[length - 1] is not ('w' or 'x' or 'y');

        private bool Ends(string suffix) => _b.EndsWith(suffix, StringComparison.Ordinal);

        private int StemLength(string suffix) => _b.Length - suffix.Length;

        /// <summary>Replaces the suffix when the stem before it has a measure above <paramref name="minMeasure"/>.</summary>
        private bool ReplaceIf(string suffix, string replacement, int minMeasure)
        {
            if (!Ends(suffix))
            {
                return false;
            }

            if (Measure(StemLength(suffix)) > minMeasure)
            {
                _b = _b[..StemLength(suffix)] + replacement;
            }

            return true;
        }

        public void Step1A()
        {
            if (Ends("sses"))
            {
                _b = _b[..^2];
            }
            else if (Ends("ies"))
            {
                _b = _b[..^2];
            }
            else if (!Ends("ss") && Ends("s"))
            {
                _b = _b[..^1];
            }
        }

        public void Step1B()
        {
            if (Ends("eed"))
            {
                if (Measure(StemLength("eed")) > 0)
                {
                    _b = _b[..^1];
                }

                return;
            }

            string? removed = Ends("ed") && HasVowel(StemLength("ed")) ? "ed" : Ends("ing") && HasVowel(StemLength("ing")) ? "ing" : null;
            if (removed is null)
            {
                return;
            }

            _b = _b[..StemLength(removed)];
            if (Ends("at") || Ends("bl") || Ends("iz"))
            {
                _b += "e";
            }
            else if (EndsWithDoubleConsonant(_b.Length) && _b[^1] is not ('l' or 's' or 'z'))
            {
                _b = _b[..^1];
            }
            else if (Measure(_b.Length) == 1 && EndsCvc(_b.Length))
            {
                _b += "e";
            }
        }

        public void Step1C()
        {
            if (Ends("y") && HasVowel(_b.Length - 1))
            {
                _b = _b[..^1] + "i";
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"), ("alli", "al"),
            ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"),
            ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step2()
        {
            // The longest matching suffix decides (ational before tional, ization before ation).
            foreach (var (suffix, replacement) in Step2Rules.OrderByDescending(r => r.Suffix.Length))
            {
                if (ReplaceIf(suffix, replacement, 0))
                {
                    return;
                }
            }
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules.OrderByDescending(r => r.Suffix.Length))
            {
                if (ReplaceIf(suffix, replacement, 0))
                {
                    return;
                }
            }
        }

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes.OrderByDescending(s => s.Length))
            {
                if (!Ends(suffix))
                {
                    continue;
                }

                var stem = StemLength(suffix);
                var allowed = suffix != "ion" || (stem > 0 && _b[stem - 1] is 's' or 't');
                if (allowed && Measure(stem) > 1)
                {
                    _b = _b[..stem];
                }

                return;
            }
        }

        public void Step5()
        {
            if (Ends("e"))
            {
                var m = Measure(_b.Length - 1);
                if (m > 1 || (m == 1 && !EndsCvc(_b.Length - 1)))
                {
                    _b = _b[..^1];
                }
            }

            if (Measure(_b.Length) > 1 && EndsWithDoubleConsonant(_b.Length) && _b[^1] == 'l')
            {
                _b = _b[..^1];
            }
        }
    }
}

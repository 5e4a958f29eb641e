using System.Text;
using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// Lays out one article body: a lead, paragraphs mixing story sentences with Zipf filler, an occasional
/// subheading or bullet list, a closing line, and the requested disclaimer or anonymous sourcing.
/// </summary>
internal sealed class ArticleBodyComposer(DeterministicRng rng, TemplateExpander expander)
{
    private const int MinimumBodyChars = 2100;
    private const int MaximumBodyChars = 5900;
    private const int MaxSentencesPerParagraph = 7;

    private ulong _usedContext;
    private ulong _usedQuotes;

    /// <summary>Builds the body blocks.</summary>
    public List<ArticleBlock> Compose(bool anonymousSourcing, bool aiDisclaimer)
    {
        var paragraphCount = rng.Next(4, 13);
        var budget = rng.Next(2300, 5700) / paragraphCount;
        var quoteParagraph = rng.Next(1, paragraphCount);
        var anonymousParagraph = anonymousSourcing ? rng.Next(1, paragraphCount) : -1;
        var listAfter = paragraphCount >= 5 && rng.Chance(0.25) ? rng.Next(1, paragraphCount - 2) : -1;
        var headingsBefore = PickHeadingPositions(paragraphCount);

        var paragraphs = new List<StringBuilder>(paragraphCount);
        var written = 0;
        for (var p = 0; p < paragraphCount; p++)
        {
            var text = new StringBuilder(budget + 200);
            if (p == 0)
            {
                expander.AppendSentence(text, rng.Pick(Templates.Lead));
            }

            if (p == quoteParagraph)
            {
                AppendWithSpace(text, PickUnused(Templates.Quote, ref _usedQuotes));
            }

            if (p == anonymousParagraph)
            {
                AppendWithSpace(text, rng.Pick(Templates.AnonymousSourcing));
            }

            var remaining = MaximumBodyChars - written - 200 * (paragraphCount - p);
            for (var sentences = 1; text.Length < Math.Min(budget, remaining) && sentences < MaxSentencesPerParagraph; sentences++)
            {
                AppendWithSpace(text, PickBodySentence());
            }

            if (p == paragraphCount - 1)
            {
                AppendWithSpace(text, rng.Pick(Templates.Closing));
            }

            paragraphs.Add(text);
            written += text.Length;
        }

        TopUpToMinimum(paragraphs);
        return Assemble(paragraphs, headingsBefore, listAfter, aiDisclaimer);
    }

    private List<ArticleBlock> Assemble(List<StringBuilder> paragraphs, HashSet<int> headingsBefore, int listAfter, bool aiDisclaimer)
    {
        var blocks = new List<ArticleBlock>(paragraphs.Count + 6);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (headingsBefore.Contains(p))
            {
                blocks.Add(ArticleBlock.Subheading(expander.Sentence(rng.Pick(Templates.Subheadings))));
            }

            if (p == listAfter)
            {
                AppendWithSpace(paragraphs[p], rng.Pick(Templates.ListIntros));
                blocks.Add(ArticleBlock.Paragraph(paragraphs[p].ToString()));
                blocks.Add(ArticleBlock.BulletList(ListItems()));
                continue;
            }

            blocks.Add(ArticleBlock.Paragraph(paragraphs[p].ToString()));
        }

        if (aiDisclaimer)
        {
            blocks.Add(ArticleBlock.Paragraph(rng.Pick(FramingTemplates.AiDisclaimers)));
        }

        return blocks;
    }

    private Template PickBodySentence()
    {
        var roll = rng.NextDouble();
        if (roll < 0.45)
        {
            return PickUnused(Templates.Context, ref _usedContext);
        }

        return roll < 0.53 ? PickUnused(Templates.Quote, ref _usedQuotes) : rng.Pick(Templates.FillerSentences);
    }

    // Real reports rarely repeat a sentence: scan on from a random start to the first unused template,
    // and only repeat once all have been used. The bitmask covers lists of up to 64 templates.
    private Template PickUnused(Template[] templates, ref ulong used)
    {
        var start = rng.Next(templates.Length);
        for (var offset = 0; offset < templates.Length; offset++)
        {
            var index = (start + offset) % templates.Length;
            if ((used & (1UL << index)) == 0)
            {
                used |= 1UL << index;
                return templates[index];
            }
        }

        return templates[start];
    }

    private HashSet<int> PickHeadingPositions(int paragraphCount)
    {
        var positions = new HashSet<int>();
        if (paragraphCount < 5 || !rng.Chance(0.45))
        {
            return positions;
        }

        var wanted = rng.Next(1, Math.Min(4, paragraphCount / 3 + 1));
        for (var attempt = 0; attempt < 8 && positions.Count < wanted; attempt++)
        {
            positions.Add(rng.Next(2, paragraphCount));
        }

        return positions;
    }

    private List<string> ListItems()
    {
        var count = rng.Next(3, 6);
        var items = new List<string>(count);
        var used = 0UL;
        for (var i = 0; i < count; i++)
        {
            items.Add(expander.Fragment(PickUnused(Templates.ListItems, ref used)));
        }

        return items.Distinct(StringComparer.Ordinal).ToList();
    }

    private void TopUpToMinimum(List<StringBuilder> paragraphs)
    {
        var total = paragraphs.Sum(p => p.Length);
        while (total < MinimumBodyChars)
        {
            // The last paragraph is left alone so the closing line stays last.
            var paragraph = paragraphs[rng.Next(paragraphs.Count - 1)];
            var before = paragraph.Length;
            AppendWithSpace(paragraph, rng.Pick(Templates.FillerSentences));
            total += paragraph.Length - before;
        }
    }

    private void AppendWithSpace(StringBuilder text, Template template)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        expander.AppendSentence(text, template);
    }
}

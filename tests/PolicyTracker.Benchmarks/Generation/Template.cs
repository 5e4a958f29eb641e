using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>A named placeholder in a sentence template.</summary>
internal enum Slot
{
    Lab, Rival, Model, Agency, AgencyShort, Instrument, Programme, Topic, SecondTopic, Place, Jurisdiction,
    JurisdictionAdjective, Legislature, Official, OfficialTitle, Commentator, CommentatorTitle, CommentatorOrganisation,
    Outlet, Reporter, Weekday, Year, Days, Money, Flops, Percent, Count, Noun, Nouns, MassNoun, Adjective, Adverb,
    Verb, VerbPast, VerbParticiple, VerbThirdPerson, VerbGerund, Preposition, Modal, Conjunction, NounPhrase,
    PluralPhrase, Object, SingularSubject, PluralSubject, Clause,
}

/// <summary>One piece of a template: literal text, or a slot when <see cref="Literal"/> is null.</summary>
internal readonly record struct TemplateSegment(string? Literal, Slot Slot);

/// <summary>A template parsed once at start-up so expansion never re-scans the text.</summary>
internal sealed class Template
{
    private static readonly Dictionary<string, Slot> SlotNames = new(StringComparer.Ordinal)
    {
        ["lab"] = Slot.Lab, ["lab2"] = Slot.Rival, ["model"] = Slot.Model, ["agency"] = Slot.Agency,
        ["agency_short"] = Slot.AgencyShort, ["instrument"] = Slot.Instrument, ["programme"] = Slot.Programme,
        ["topic"] = Slot.Topic, ["topic2"] = Slot.SecondTopic, ["place"] = Slot.Place,
        ["jurisdiction"] = Slot.Jurisdiction, ["jadj"] = Slot.JurisdictionAdjective, ["legislature"] = Slot.Legislature,
        ["official"] = Slot.Official, ["official_title"] = Slot.OfficialTitle, ["commentator"] = Slot.Commentator,
        ["commentator_title"] = Slot.CommentatorTitle, ["commentator_org"] = Slot.CommentatorOrganisation,
        ["outlet"] = Slot.Outlet, ["reporter"] = Slot.Reporter, ["weekday"] = Slot.Weekday, ["year"] = Slot.Year,
        ["days"] = Slot.Days, ["money"] = Slot.Money, ["flops"] = Slot.Flops, ["percent"] = Slot.Percent,
        ["count"] = Slot.Count, ["n"] = Slot.Noun, ["ns"] = Slot.Nouns, ["mass"] = Slot.MassNoun,
        ["adj"] = Slot.Adjective, ["adv"] = Slot.Adverb, ["v"] = Slot.Verb, ["ved"] = Slot.VerbPast,
        ["ven"] = Slot.VerbParticiple, ["vs"] = Slot.VerbThirdPerson, ["ving"] = Slot.VerbGerund,
        ["prep"] = Slot.Preposition, ["modal"] = Slot.Modal, ["conj"] = Slot.Conjunction, ["np"] = Slot.NounPhrase,
        ["nps"] = Slot.PluralPhrase, ["obj"] = Slot.Object, ["subj1"] = Slot.SingularSubject,
        ["subjn"] = Slot.PluralSubject, ["clause"] = Slot.Clause,
    };

    private Template(TemplateSegment[] segments) => Segments = segments;

    /// <summary>The parsed pieces, in order.</summary>
    public TemplateSegment[] Segments { get; }

    /// <summary>Parses "{slot} literal {slot}" text; an unknown slot name fails fast at start-up.</summary>
    public static Template Parse(string text)
    {
        var segments = new List<TemplateSegment>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                segments.Add(new TemplateSegment(text[position..], default));
                break;
            }

            if (open > position)
            {
                segments.Add(new TemplateSegment(text[position..open], default));
            }

            var close = text.IndexOf('}', open);
            var name = text[(open + 1)..close];
            if (!SlotNames.TryGetValue(name, out var slot))
            {
                throw new FormatException($"Unknown slot '{{{name}}}' in template: {text}");
            }

            segments.Add(new TemplateSegment(null, slot));
            position = close + 1;
        }

        return new Template([.. segments]);
    }
}

/// <summary>All template lists, parsed once.</summary>
internal static class Templates
{
    /// <summary>Opening sentences.</summary>
    public static readonly Template[] Lead = Parse(StoryTemplates.Lead);
    /// <summary>Background sentences.</summary>
    public static readonly Template[] Context = Parse(StoryTemplates.Context);
    /// <summary>Attributed quotations.</summary>
    public static readonly Template[] Quote = Parse(StoryTemplates.Quote);
    /// <summary>Sentences citing unnamed sources.</summary>
    public static readonly Template[] AnonymousSourcing = Parse(StoryTemplates.AnonymousSourcing);
    /// <summary>Closing sentences.</summary>
    public static readonly Template[] Closing = Parse(StoryTemplates.Closing);
    /// <summary>Headlines.</summary>
    public static readonly Template[] Titles = Parse(FramingTemplates.Titles);
    /// <summary>Section headings.</summary>
    public static readonly Template[] Subheadings = Parse(FramingTemplates.Subheadings);
    /// <summary>Sentences that introduce a bullet list.</summary>
    public static readonly Template[] ListIntros = Parse(FramingTemplates.ListIntros);
    /// <summary>Bullet items.</summary>
    public static readonly Template[] ListItems = Parse(FramingTemplates.ListItems);
    /// <summary>Filler clauses.</summary>
    public static readonly Template[] Clauses = Parse(FramingTemplates.Clauses);
    /// <summary>Filler sentences built from clauses.</summary>
    public static readonly Template[] FillerSentences = Parse(FramingTemplates.FillerSentences);
    /// <summary>Sentences a republished copy adds.</summary>
    public static readonly Template[] RepublishedAdditions = Parse(FramingTemplates.RepublishedAdditions);

    private static Template[] Parse(string[] texts) => texts.Select(Template.Parse).ToArray();
}

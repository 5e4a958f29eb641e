using System.Globalization;
using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// The cast of one story, drawn once per article so every sentence talks about the same lab,
/// model, agency and numbers, the way a real report stays on its subject.
/// </summary>
internal sealed class StoryContext
{
    private static readonly ZipfDistribution LabRanks = new(Entities.Labs.Length, 0.8);
    private static readonly ZipfDistribution AgencyRanks = new(Entities.Agencies.Length, 0.8);
    private static readonly ZipfDistribution InstrumentRanks = new(Entities.Instruments.Length, 0.8);
    private static readonly Dictionary<Jurisdiction, Instrument[]> InstrumentsByJurisdiction =
        Entities.Instruments.GroupBy(i => i.Jurisdiction).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly ZipfDistribution TopicRanks = new(Entities.Topics.Length, 0.7);

    /// <summary>Draws the cast from <paramref name="rng"/>; the weekday follows the publication date when known.</summary>
    public StoryContext(DeterministicRng rng, NewsSource outlet, DateTimeOffset? publishedAt)
    {
        Lab = Entities.Labs[LabRanks.Sample(rng)];
        var rival = Entities.Labs[LabRanks.Sample(rng)];
        Rival = rival == Lab ? Entities.Labs[(Array.IndexOf(Entities.Labs, Lab) + 1) % Entities.Labs.Length] : rival;
        Model = rng.Pick(Lab.Families).Name(rng);
        Agency = Entities.Agencies[AgencyRanks.Sample(rng)];
        Instrument = PickInstrument(rng, Agency.Jurisdiction);
        Programme = rng.Pick(Entities.Programmes);
        Topic = Entities.Topics[TopicRanks.Sample(rng)];
        var secondTopic = rng.Pick(Entities.Topics);
        SecondTopic = secondTopic == Topic ? "compute thresholds" : secondTopic;
        Official = People.FullName(rng);
        OfficialTitle = $"{rng.Pick(People.OfficialTitles)} {Agency.Name}";
        Commentator = People.FullName(rng);
        CommentatorOrganisation = rng.Pick(People.CommentatorOrganisations);
        CommentatorTitle = $"{rng.Pick(People.CommentatorTitles)} {CommentatorOrganisation}";
        Outlet = outlet;
        Weekday = (publishedAt?.DayOfWeek ?? (DayOfWeek)rng.Next(1, 6)).ToString();
        Year = (publishedAt?.Year ?? 2025 + rng.Next(2)).ToString(CultureInfo.InvariantCulture);
        Flops = $"10^{rng.Next(24, 28)}";
    }

    /// <summary>The lab the story is about.</summary>
    public Lab Lab { get; }

    /// <summary>A second lab, for comparison.</summary>
    public Lab Rival { get; }

    /// <summary>A model of <see cref="Lab"/>, with a version number.</summary>
    public string Model { get; }

    /// <summary>The public body in the story.</summary>
    public Agency Agency { get; }

    /// <summary>The law or code in question, usually of the agency's jurisdiction.</summary>
    public Instrument Instrument { get; }

    /// <summary>A fictional public programme.</summary>
    public string Programme { get; }

    /// <summary>The policy topic.</summary>
    public string Topic { get; }

    /// <summary>A related topic for contrast.</summary>
    public string SecondTopic { get; }

    /// <summary>Name of the agency official quoted.</summary>
    public string Official { get; }

    /// <summary>Title of the official, with the agency.</summary>
    public string OfficialTitle { get; }

    /// <summary>Name of the outside commentator quoted.</summary>
    public string Commentator { get; }

    /// <summary>The commentator's organisation.</summary>
    public string CommentatorOrganisation { get; }

    /// <summary>Title of the commentator, with the organisation.</summary>
    public string CommentatorTitle { get; }

    /// <summary>The outlet publishing the story; a republished copy swaps in its own outlet.</summary>
    public NewsSource Outlet { get; set; }

    /// <summary>Day of the week the news broke.</summary>
    public string Weekday { get; }

    /// <summary>Year the story refers to.</summary>
    public string Year { get; }

    /// <summary>A compute threshold such as 10^26.</summary>
    public string Flops { get; }

    private static Instrument PickInstrument(DeterministicRng rng, Jurisdiction jurisdiction)
    {
        // Most stories cite a law of the agency's own jurisdiction; some compare with a foreign one.
        if (rng.Chance(0.75))
        {
            if (InstrumentsByJurisdiction.TryGetValue(jurisdiction, out var local))
            {
                return rng.Pick(local);
            }
        }

        return Entities.Instruments[InstrumentRanks.Sample(rng)];
    }

    /// <summary>A fresh sum in the story's currency; each mention draws anew, as budgets and fines differ.</summary>
    public string MoneyPhrase(DeterministicRng rng)
    {
        var currency = Agency.Jurisdiction.Adjective switch
        {
            "EU" => "€",
            "UK" => "£",
            _ => "$",
        };
        return rng.Chance(0.5)
            ? $"{currency}{rng.Next(1, 10)}.{rng.Next(10)} billion"
            : $"{currency}{rng.Next(2, 500)} million";
    }
}

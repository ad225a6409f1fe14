using AutoMapper;
using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Common.Mapping;

public sealed class MappingProfile : Profile
{
    public MappingProfile()
    {
        CreateMap<Referral, ReferralDto>()
            .ForMember(d => d.TeamName, o => o.Ignore())
            .ForMember(d => d.SensitiveNotesWithheld, o => o.Ignore())
            // Receiving and linking at intake happen in the same instant: the first transition (from no status) comes first.
            .ForMember(d => d.History, o => o.MapFrom(r => r.Transitions.OrderBy(t => t.OccurredAtUtc).ThenBy(t => t.FromStatus == null ? 0 : 1)));
        CreateMap<ReferralTransition, ReferralTransitionDto>();
        CreateMap<AuditEntry, AuditEntryDto>()
            .ForMember(d => d.WithheldFields, o => o.Ignore());
        CreateMap<Referral, ReferralSummaryDto>()
            .ForMember(d => d.ChildName, o => o.MapFrom(r => r.ChildGivenName + " " + r.ChildFamilyName));

        // The count becomes a correlated sub-query in the projection, so a page of children costs one round trip.
        CreateMap<Child, ChildSummaryDto>()
            .ForMember(d => d.ReferralCount, o => o.MapFrom(c => c.Referrals.Count));
    }
}

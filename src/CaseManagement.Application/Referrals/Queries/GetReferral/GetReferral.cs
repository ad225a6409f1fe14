using AutoMapper;
using AutoMapper.QueryableExtensions;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Queries.GetReferral;

public sealed record GetReferral(Guid Id) : IRequest<ReferralDto>;

public sealed class GetReferralHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetReferral, ReferralDto>
{
    public async Task<ReferralDto> Handle(GetReferral request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.Where(r => r.Id == request.Id).ProjectTo<ReferralDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            throw NotFoundException.For("Referral", request.Id);
        }

        var team = await db.Teams.Where(t => t.Id == referral.TeamId).Select(t => t.Name).SingleAsync(cancellationToken);
        return referral with { TeamName = team };
    }
}

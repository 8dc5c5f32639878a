import factory
from django.utils import timezone

from route27.organisations.tests.factories import TeamFactory
from route27.trajectories.models import Trajectory
from route27.youth.tests.factories import YouthFactory


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    youth = factory.SubFactory(YouthFactory)
    team = factory.LazyAttribute(lambda o: o.youth.team or TeamFactory())
    started_on = factory.LazyFunction(timezone.localdate)

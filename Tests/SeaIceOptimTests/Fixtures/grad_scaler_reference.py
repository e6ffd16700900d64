"""Reference numbers of GradientScalerTests.testMatchesTorchGradScaler (PyTorch 2.13, CPU).

One parameter p = [1, 1, 1], loss = sum(2p), SGD lr 0.1, GradScaler growth_interval 3; an inf is
injected into the gradient at steps 1 and 5. Prints, per step: injected, scale after update(),
growth tracker, p. Run with the project's torch: scripts/python Tests/SeaIceOptimTests/Fixtures/grad_scaler_reference.py
"""
import torch

scaler = torch.amp.GradScaler("cpu", growth_interval=3)
p = torch.nn.Parameter(torch.ones(3))
opt = torch.optim.SGD([p], lr=0.1)
for k, bad in enumerate([False, True, False, False, False, True, False]):
    opt.zero_grad()
    scaler.scale((p * 2).sum()).backward()
    if bad:
        p.grad[1] = float("inf")
    scaler.step(opt)
    scaler.update()
    print(k, bad, scaler.get_scale(), scaler._growth_tracker.item(), p.data.tolist())
